package io.tsunagu.directory;

/**
 * The columns of {@code employees.csv}; lengths follow the V1 migration. Rank, join year and
 * locale have their own rules, so their lengths only stop absurd values early.
 */
enum EmployeeColumn implements CsvColumn {

	EMPLOYEE_CODE("employee_code", true, 32), NAME("name", true, 100), NAME_KANA("name_kana", false, 100),
	EMAIL("email", true, 254), DEPARTMENT_CODE("department_code", true, 32), RANK("rank", true, 16),
	TITLE("title", false, 100), JOIN_YEAR("join_year", true, 16), REPORTS_TO_EMAIL("reports_to_email", false, 254),
	LOCALE("locale", false, 5);

	private final String header;

	private final boolean required;

	private final int maxLength;

	EmployeeColumn(String header, boolean required, int maxLength) {
		this.header = header;
		this.required = required;
		this.maxLength = maxLength;
	}

	@Override
	public String header() {
		return this.header;
	}

	@Override
	public boolean required() {
		return this.required;
	}

	@Override
	public int maxLength() {
		return this.maxLength;
	}

}
