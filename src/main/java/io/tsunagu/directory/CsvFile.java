package io.tsunagu.directory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The two files of the org chart, each with its fixed set of columns.
 */
enum CsvFile {

	DEPARTMENTS("departments.csv", List.of(DepartmentColumn.values())),
	EMPLOYEES("employees.csv", List.of(EmployeeColumn.values()));

	private final String fileName;

	private final List<CsvColumn> columns;

	CsvFile(String fileName, List<CsvColumn> columns) {
		this.fileName = fileName;
		this.columns = columns;
	}

	public String fileName() {
		return this.fileName;
	}

	List<CsvColumn> columns() {
		return this.columns;
	}

	/** The header line as the export writes it and the page shows it. */
	public String headerLine() {
		return this.columns.stream().map(CsvColumn::header).collect(Collectors.joining(","));
	}

}
