package io.tsunagu.directory;

/**
 * A department as the import compares and writes it: references by code, so that a line from the
 * file equals the stored one exactly when importing it would change nothing.
 */
record DepartmentLine(String code, String name, String nameEn, String parentCode, String headCode,
		String officerCode) {

	boolean sameNames(DepartmentLine other) {
		return other != null && java.util.Objects.equals(this.name, other.name)
				&& java.util.Objects.equals(this.nameEn, other.nameEn);
	}

}
