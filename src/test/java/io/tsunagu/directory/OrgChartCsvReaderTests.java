package io.tsunagu.directory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrgChartCsvReaderTests {

	private static final String DEPARTMENTS_HEADER = "code,name,name_en,parent_code,head_email,officer_email\n";

	private final OrgChartCsvReader reader = new OrgChartCsvReader(1024);

	private final List<CsvProblem> problems = new ArrayList<>();

	@Test
	void readsColumnsInAnyOrderIntoTheirCanonicalPlaces() {
		CsvSheet sheet = read(CsvFile.DEPARTMENTS,
				"officer_email,name,code,parent_code,name_en,head_email\r\n,経理部,ACCT,,Accounting,\r\n");

		assertThat(this.problems).isEmpty();
		assertThat(sheet.readable()).isTrue();
		assertThat(sheet.rows()).singleElement().satisfies(row -> {
			assertThat(row.line()).isEqualTo(2);
			assertThat(row.get(DepartmentColumn.CODE)).isEqualTo("ACCT");
			assertThat(row.get(DepartmentColumn.NAME)).isEqualTo("経理部");
			assertThat(row.get(DepartmentColumn.NAME_EN)).isEqualTo("Accounting");
			assertThat(row.get(DepartmentColumn.PARENT_CODE)).isNull();
		});
	}

	@Test
	void countsLinesOfTheFileNotRecords() {
		CsvSheet sheet = read(CsvFile.DEPARTMENTS,
				DEPARTMENTS_HEADER + "A,\"two\nlines\",,,,\n\n,,,,,\nB,b,,,,\rC,c,,,,");

		assertThat(this.problems).isEmpty();
		assertThat(sheet.rows()).extracting(CsvRow::line, row -> row.get(DepartmentColumn.CODE))
			.containsExactly(tuple(2L, "A"), tuple(6L, "B"), tuple(7L, "C"));
	}

	@Test
	void stripsValuesAndUndoesTheExportsFormulaPrefix() {
		CsvSheet sheet = read(CsvFile.DEPARTMENTS, DEPARTMENTS_HEADER + " X1 ,'-dash,'plain,,,\n");

		assertThat(sheet.rows()).singleElement().satisfies(row -> {
			assertThat(row.get(DepartmentColumn.CODE)).isEqualTo("X1");
			assertThat(row.get(DepartmentColumn.NAME)).isEqualTo("-dash");
			assertThat(row.get(DepartmentColumn.NAME_EN)).isEqualTo("'plain");
		});
	}

	@Test
	void namesAnUnknownColumn() {
		CsvSheet sheet = read(CsvFile.DEPARTMENTS, "code,name,name_en,parent_code,head_email,officer_email,fax\nA,a,,,,,\n");

		assertThat(sheet.readable()).isFalse();
		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(1L, "fax", "csv.header.unknown"));
	}

	@Test
	void namesEveryMissingColumn() {
		read(CsvFile.EMPLOYEES, "employee_code,name,email,department_code,rank,join_year\nE1,a,a@b.example,X,STAFF,2020\n");

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(1L, "name_kana", "csv.header.missing"), tuple(1L, "title", "csv.header.missing"),
					tuple(1L, "reports_to_email", "csv.header.missing"), tuple(1L, "locale", "csv.header.missing"));
	}

	@Test
	void namesADuplicateColumn() {
		read(CsvFile.DEPARTMENTS, "code,name,name_en,parent_code,head_email,officer_email,code\nA,a,,,,,A\n");

		assertThat(this.problems).extracting(CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple("code", "csv.header.duplicate"));
	}

	@Test
	void reportsALineWithTheWrongNumberOfValues() {
		CsvSheet sheet = read(CsvFile.DEPARTMENTS, DEPARTMENTS_HEADER + "A,a,,,,\nB,b\n");

		assertThat(sheet.rows()).hasSize(1);
		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::messageKey, CsvProblem::arguments)
			.containsExactly(tuple(3L, "csv.row.width", List.of("2", "6")));
	}

	@Test
	void reportsWhereAnUnclosedQuoteStarts() {
		CsvSheet sheet = read(CsvFile.DEPARTMENTS, DEPARTMENTS_HEADER + "A,a,,,,\nB,\"b,,,,\nC,c,,,,\n");

		assertThat(sheet.readable()).isFalse();
		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::messageKey)
			.containsExactly(tuple(3L, "csv.file.malformed"));
	}

	@Test
	void rejectsAnEmptyFile() {
		assertThat(read(CsvFile.EMPLOYEES, "").readable()).isFalse();
		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::messageKey)
			.containsExactly(tuple(null, "csv.file.empty"));
	}

	@Test
	void rejectsAFileWithOnlyItsHeader() {
		read(CsvFile.DEPARTMENTS, "\uFEFF" + DEPARTMENTS_HEADER);

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::messageKey)
			.containsExactly(tuple(CsvFile.DEPARTMENTS, "csv.file.empty"));
	}

	@Test
	void rejectsABinaryFile() {
		CsvSheet sheet = this.reader.read(new CsvUpload(CsvFile.EMPLOYEES, "org.xlsx", 4, () -> new byte[] { 'P', 'K', 3, 0 }),
				this.problems);

		assertThat(sheet.readable()).isFalse();
		assertThat(this.problems).extracting(CsvProblem::messageKey).containsExactly("csv.file.binary");
	}

	@Test
	void rejectsAFileOverTheLimitWithoutReadingIt() {
		CsvUpload huge = new CsvUpload(CsvFile.EMPLOYEES, "employees.csv", 64L * 1024 * 1024, () -> {
			throw new AssertionError("read although too large");
		});
		OrgChartCsvReader limited = new OrgChartCsvReader(32L * 1024 * 1024);

		assertThat(limited.read(huge, this.problems).readable()).isFalse();
		assertThat(this.problems).extracting(CsvProblem::messageKey, CsvProblem::arguments)
			.containsExactly(tuple("csv.file.tooLarge", List.of("32")));
	}

	@Test
	void readsWindows31j() throws Exception {
		byte[] bytes = (DEPARTMENTS_HEADER + "W31J,①㈱髙～,,,,\r\n").getBytes("Windows-31J");

		CsvSheet sheet = this.reader.read(CsvUpload.of(CsvFile.DEPARTMENTS, "departments.csv", bytes), this.problems);

		assertThat(this.problems).isEmpty();
		assertThat(sheet.rows()).singleElement()
			.satisfies(row -> assertThat(row.get(DepartmentColumn.NAME)).isEqualTo("①㈱髙～"));
	}

	private CsvSheet read(CsvFile file, String text) {
		return this.reader.read(CsvUpload.of(file, file.fileName(), text.getBytes(StandardCharsets.UTF_8)), this.problems);
	}

}
