package io.tsunagu.directory;

import java.util.Locale;

/**
 * What other modules know of a department.
 */
public record DepartmentRef(String code, String name, String nameEn) {

	/** The name in the viewer's language; the Japanese name where no English one is kept. */
	public String displayName(Locale locale) {
		return "en".equals(locale.getLanguage()) && this.nameEn != null && !this.nameEn.isBlank() ? this.nameEn : this.name;
	}

}
