package io.tsunagu.directory;

import java.util.Locale;

/**
 * A line of the departments page.
 */
record DepartmentRow(String code, String name, String nameEn, String parentCode, String parentName,
		String parentNameEn, String headCode, String headName, String officerCode, String officerName,
		long headcount) {

	public String displayName(Locale locale) {
		return localised(locale, this.name, this.nameEn);
	}

	public String parentDisplayName(Locale locale) {
		return this.parentCode == null ? null : localised(locale, this.parentName, this.parentNameEn);
	}

	private static String localised(Locale locale, String ja, String en) {
		return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : ja;
	}

}
