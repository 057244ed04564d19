package io.tsunagu.directory;

import java.util.Objects;

/**
 * An employee as the import compares and writes it: references by code, so that a line from the
 * file equals the stored one exactly when importing it would change nothing. The {@code active}
 * flag is not part of the file and never touched by an import.
 */
record EmployeeLine(String code, String name, String nameKana, String email, String departmentCode, Rank rank,
		String title, int joinYear, String reportsToCode, String locale) {

	/** Equal in everything the first write pass sets, that is all but the reports-to reference. */
	boolean sameExceptReportsTo(EmployeeLine other) {
		return other != null && this.code.equals(other.code) && this.name.equals(other.name)
				&& Objects.equals(this.nameKana, other.nameKana) && this.email.equals(other.email)
				&& this.departmentCode.equals(other.departmentCode) && this.rank == other.rank
				&& Objects.equals(this.title, other.title) && this.joinYear == other.joinYear
				&& this.locale.equals(other.locale);
	}

}
