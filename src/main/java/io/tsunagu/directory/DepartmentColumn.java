package io.tsunagu.directory;

/**
 * The columns of {@code departments.csv}; lengths follow the V1 migration.
 */
enum DepartmentColumn implements CsvColumn {

	CODE("code", true, 32), NAME("name", true, 100), NAME_EN("name_en", false, 100),
	PARENT_CODE("parent_code", false, 32), HEAD_EMAIL("head_email", false, 254),
	OFFICER_EMAIL("officer_email", false, 254);

	private final String header;

	private final boolean required;

	private final int maxLength;

	DepartmentColumn(String header, boolean required, int maxLength) {
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
