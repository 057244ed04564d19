package io.tsunagu.directory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.tsunagu.directory.OrgChartFiles.departments;
import static io.tsunagu.directory.OrgChartFiles.employees;
import static org.assertj.core.api.Assertions.assertThat;

// @AutoConfigureMockMvc only so that this class shares its application context with the web tests.
@SpringBootTest
@AutoConfigureMockMvc
class OrgChartImportTests {

	private static final String ADMIN = "admin@tsunagu.example";

	@Autowired
	OrgChartImport imports;

	@Autowired
	OrgChartExport export;

	@Autowired
	JdbcTemplate jdbc;

	private String dept;

	private String person;

	private String mail;

	@BeforeEach
	void uniqueNames() {
		this.dept = OrgChartFiles.unique("CSVT");
		this.person = this.dept + "E";
		this.mail = this.dept.toLowerCase() + "@csvt.example";
	}

	@Test
	void importsNewDepartmentsAndEmployeesWithTheirReferences() {
		ImportOutcome outcome = this.imports.upload(
				departments(this.dept + ",CSV課,CSV Section,PLAN,head." + this.mail + ",officer@tsunagu.example"),
				employees(this.person + "1,髙橋 ①,タカハシ,head." + this.mail + "," + this.dept + ",manager,課長,2010,officer@tsunagu.example,",
						this.person + "2,鈴木 花子,スズキ,staff." + this.mail + "," + this.dept + ",STAFF,,2024,head." + this.mail + ",en"),
				ADMIN);

		assertThat(outcome.problems()).isEmpty();
		assertThat(outcome.counts()).isEqualTo(new ImportCounts(1, 0, 0, 2, 0, 0));
		assertThat(this.jdbc.queryForMap("""
				SELECT d.name_en, p.code AS parent, h.code AS head, o.email AS officer FROM departments d
				JOIN departments p ON p.id = d.parent_id JOIN employees h ON h.id = d.head_id
				JOIN employees o ON o.id = d.officer_id WHERE d.code = ?""", this.dept))
			.containsEntry("name_en", "CSV Section").containsEntry("parent", "PLAN")
			.containsEntry("head", this.person + "1").containsEntry("officer", "officer@tsunagu.example");
		assertThat(this.jdbc.queryForMap("""
				SELECT e.name, e.rank, e.locale, e.active, m.code AS manager FROM employees e
				JOIN employees m ON m.id = e.reports_to_id WHERE e.code = ?""", this.person + "2"))
			.containsEntry("rank", "STAFF").containsEntry("locale", "en").containsEntry("active", true)
			.containsEntry("manager", this.person + "1");
		assertThat(this.jdbc.queryForObject("SELECT details FROM audit_log WHERE action = 'directory.import' "
				+ "AND actor = ? ORDER BY id DESC LIMIT 1", String.class, ADMIN))
			.isEqualTo("departments: 1 created, 0 updated, 0 unchanged; employees: 2 created, 0 updated, 0 unchanged");
	}

	@Test
	void updatesByCodeAndLeavesOthersAlone() {
		importOk(departments(this.dept + ",CSV課,,,,"),
				employees(this.person + "1,一郎,,one." + this.mail + "," + this.dept + ",STAFF,,2015,,ja",
						this.person + "2,二郎,,two." + this.mail + "," + this.dept + ",STAFF,,2016,,ja"));

		ImportOutcome outcome = this.imports.upload(null,
				employees(this.person + "1,一郎,,ONE." + this.mail + "," + this.dept + ",MANAGER,係長,2015,,ja"), ADMIN);

		assertThat(outcome.counts()).isEqualTo(new ImportCounts(0, 0, 0, 0, 1, 0));
		assertThat(employee(this.person + "1")).containsEntry("email", "ONE." + this.mail).containsEntry("rank", "MANAGER")
			.containsEntry("title", "係長");
		assertThat(employee(this.person + "2")).containsEntry("name", "二郎");
	}

	@Test
	void movesAndClearsReferences() {
		importOk(departments(this.dept + ",CSV課,,PLAN,one." + this.mail + ",officer@tsunagu.example"),
				employees(this.person + "1,一郎,,one." + this.mail + "," + this.dept + ",MANAGER,,2015,,ja",
						this.person + "2,二郎,,two." + this.mail + "," + this.dept + ",STAFF,,2016,one." + this.mail + ",ja"));

		importOk(departments(this.dept + ",CSV課,,,two." + this.mail + ","),
				employees(this.person + "1,一郎,,one." + this.mail + "," + this.dept + ",MANAGER,,2015,two." + this.mail + ",ja",
						this.person + "2,二郎,,two." + this.mail + "," + this.dept + ",STAFF,,2016,,ja"));

		assertThat(this.jdbc.queryForMap("""
				SELECT d.parent_id, h.code AS head, d.officer_id FROM departments d
				JOIN employees h ON h.id = d.head_id WHERE d.code = ?""", this.dept))
			.containsEntry("parent_id", null).containsEntry("head", this.person + "2").containsEntry("officer_id", null);
		assertThat(this.jdbc.queryForObject("SELECT m.code FROM employees e JOIN employees m ON m.id = e.reports_to_id "
				+ "WHERE e.code = ?", String.class, this.person + "1")).isEqualTo(this.person + "2");
		assertThat(this.jdbc.queryForObject("SELECT reports_to_id FROM employees WHERE code = ?", Long.class,
				this.person + "2")).isNull();
	}

	static Stream<Arguments> brokenUploads() {
		return Stream.of(
				Arguments.of("unknown department", (Broken) (d, e, m) -> List.of(departments(d + ",CSV課,,,,"),
						employees(e + "1,改名,,one." + m + ",NOPE,STAFF,,2015,,ja")), "csv.department.unknown"),
				Arguments.of("email of a demo employee", (Broken) (d, e, m) -> List.of(departments(d + ",CSV課,,,,"),
						employees(e + "1,改名,,one." + m + "," + d + ",STAFF,,2015,,ja",
								e + "9,他人,,Admin@tsunagu.example," + d + ",STAFF,,2015,,ja")), "csv.email.taken"),
				Arguments.of("reports-to loop", (Broken) (d, e, m) -> List.of(departments(d + ",CSV課,,,,"),
						employees(e + "1,改名,,one." + m + "," + d + ",STAFF,,2015,two." + m + ",ja",
								e + "2,二郎,,two." + m + "," + d + ",STAFF,,2016,one." + m + ",ja")), "csv.reportsTo.cycle"),
				Arguments.of("binary departments file", (Broken) (d, e, m) -> List.of(
						CsvUpload.of(CsvFile.DEPARTMENTS, "org.xlsx", new byte[] { 'P', 'K', 3, 4, 0, 0 }),
						employees(e + "1,改名,,one." + m + "," + d + ",STAFF,,2015,,ja")), "csv.file.binary"),
				Arguments.of("wrong header", (Broken) (d, e, m) -> List.of(
						CsvUpload.of(CsvFile.DEPARTMENTS, "departments.csv", "code,name\nX,x\n".getBytes(StandardCharsets.UTF_8)),
						employees(e + "1,改名,,one." + m + "," + d + ",STAFF,,2015,,ja")), "csv.header.missing"),
				Arguments.of("empty employees file", (Broken) (d, e, m) -> List.of(departments(d + ",改名課,,,,"),
						CsvUpload.of(CsvFile.EMPLOYEES, "employees.csv", new byte[0])), "csv.file.empty"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenUploads")
	void rejectsABrokenUploadAndChangesNothing(String what, Broken broken, String messageKey) {
		importOk(departments(this.dept + ",CSV課,,,,"),
				employees(this.person + "1,一郎,,one." + this.mail + "," + this.dept + ",STAFF,,2015,,ja"));
		Map<String, Object> counts = rowCounts();

		List<CsvUpload> uploads = broken.files(this.dept, this.person, this.mail);
		ImportOutcome outcome = this.imports.upload(uploads.get(0), uploads.get(1), ADMIN);

		assertThat(outcome.isImported()).isFalse();
		assertThat(outcome.problems()).extracting(CsvProblem::messageKey).contains(messageKey);
		assertThat(rowCounts()).isEqualTo(counts);
		assertThat(employee(this.person + "1")).containsEntry("name", "一郎");
		assertThat(this.jdbc.queryForObject("SELECT name FROM departments WHERE code = ?", String.class, this.dept))
			.isEqualTo("CSV課");
	}

	@Test
	void importsAWindows31jFileWithItsCharactersIntact() throws Exception {
		byte[] sjis = OrgChartFiles.csv(OrgChartFiles.EMPLOYEES_HEADER, CsvDecoding.WINDOWS_31J,
				this.person + "1,髙島 ①㈱～,タカシマ,one." + this.mail + ",PLAN,STAFF,係長～,2020,,ja");

		importOk(null, CsvUpload.of(CsvFile.EMPLOYEES, "社員.csv", sjis));

		assertThat(employee(this.person + "1")).containsEntry("name", "髙島 ①㈱\uFF5E").containsEntry("title", "係長\uFF5E");
	}

	@Test
	void exportsWithBomHeaderAndFormulaPrefix() {
		importOk(departments(this.dept + ",=HYPERLINK(\"http://x\"),-minus,,,"), null);

		byte[] bytes = exported(CsvFile.DEPARTMENTS);

		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith(OrgChartFiles.DEPARTMENTS_HEADER + "\r\n")
			.contains(this.dept + ",\"'=HYPERLINK(\"\"http://x\"\")\",'-minus,,,\r\n")
			.contains("EXEC,経営企画室,Executive Office,,");
	}

	@Test
	void reimportingAnExportChangesNothing() {
		importOk(departments(this.dept + ",=1+1,@home,,head." + this.mail + ","),
				employees(this.person + "1,-dash,,head." + this.mail + "," + this.dept + ",MANAGER,''=x,2015,,en"));
		Map<String, Object> counts = rowCounts();
		byte[] departments = exported(CsvFile.DEPARTMENTS);
		byte[] employees = exported(CsvFile.EMPLOYEES);

		ImportOutcome outcome = this.imports.upload(CsvUpload.of(CsvFile.DEPARTMENTS, "departments.csv", departments),
				CsvUpload.of(CsvFile.EMPLOYEES, "employees.csv", employees), ADMIN);

		assertThat(outcome.problems()).isEmpty();
		ImportCounts result = outcome.counts();
		assertThat(result.departmentsCreated() + result.departmentsUpdated() + result.employeesCreated()
				+ result.employeesUpdated()).isZero();
		assertThat(result.employeesUnchanged()).isEqualTo(((Number) counts.get("employees")).intValue());
		assertThat(rowCounts()).isEqualTo(counts);
		assertThat(employee(this.person + "1")).containsEntry("name", "-dash").containsEntry("title", "'=x");
		assertThat(exported(CsvFile.EMPLOYEES)).isEqualTo(employees);
	}

	private void importOk(CsvUpload departments, CsvUpload employees) {
		ImportOutcome outcome = this.imports.upload(departments, employees, ADMIN);
		assertThat(outcome.problems()).as("problems of the set-up import").isEmpty();
	}

	private byte[] exported(CsvFile file) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (file == CsvFile.DEPARTMENTS) {
			this.export.writeDepartments(out);
		}
		else {
			this.export.writeEmployees(out);
		}
		return out.toByteArray();
	}

	private Map<String, Object> employee(String code) {
		return this.jdbc.queryForMap("SELECT name, email, rank, title FROM employees WHERE code = ?", code);
	}

	private Map<String, Object> rowCounts() {
		return this.jdbc.queryForMap("SELECT (SELECT count(*) FROM departments) AS departments, "
				+ "(SELECT count(*) FROM employees) AS employees");
	}

	@FunctionalInterface
	interface Broken {

		List<CsvUpload> files(String department, String employeePrefix, String mail);

	}

}
