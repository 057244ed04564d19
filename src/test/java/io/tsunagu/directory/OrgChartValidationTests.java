package io.tsunagu.directory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrgChartValidationTests {

	private static final String DEPARTMENTS = "code,name,name_en,parent_code,head_email,officer_email";

	private static final String EMPLOYEES = "employee_code,name,name_kana,email,department_code,rank,title,join_year,reports_to_email,locale";

	private final List<CsvProblem> problems = new ArrayList<>();

	/** A stored company: HQ with its sub-department SUB; the boss heads HQ, the staff member reports to her. */
	private static OrgChartSnapshot aStoredCompany() {
		return new OrgChartSnapshot(
				Map.of("HQ", new DepartmentLine("HQ", "本社", "Head office", null, "E1", "E1"), "SUB",
						new DepartmentLine("SUB", "支社", null, "HQ", null, null)),
				Map.of("E1", new EmployeeLine("E1", "社長", null, "boss@corp.example", "HQ", Rank.EXECUTIVE, null, 1990, null, "ja"),
						"E2", new EmployeeLine("E2", "社員", null, "staff@corp.example", "SUB", Rank.STAFF, null, 2020, "E1", "ja")));
	}

	@Test
	void acceptsAValidUploadAndCountsWhatItChanges() {
		OrgChartChanges changes = validate(
				departments("NEW,新部署,,HQ,new@corp.example,boss@corp.example", "HQ,本社,Head office,,boss@corp.example,boss@corp.example"),
				employees("N1,新人,シンジン,New@corp.example,NEW,staff,,2024,boss@corp.example,",
						"E2,社員,,staff@corp.example,SUB,STAFF,主任,2020,boss@corp.example,EN"));

		assertThat(this.problems).isEmpty();
		assertThat(changes.counts()).isEqualTo(new ImportCounts(1, 0, 1, 1, 1, 0));
		assertThat(changes.departments()).first()
			.isEqualTo(new DepartmentLine("NEW", "新部署", null, "HQ", "N1", "E1"));
		assertThat(changes.employees()).containsExactly(
				new EmployeeLine("N1", "新人", "シンジン", "New@corp.example", "NEW", Rank.STAFF, null, 2024, "E1", "ja"),
				new EmployeeLine("E2", "社員", null, "staff@corp.example", "SUB", Rank.STAFF, "主任", 2020, "E1", "en"));
	}

	@Test
	void rejectsUnknownDepartmentOfAnEmployee() {
		validate(null, employees("N1,新人,,n1@corp.example,NOPE,STAFF,,2024,,ja"));

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(CsvFile.EMPLOYEES, 2L, "department_code", "csv.department.unknown"));
	}

	@Test
	void rejectsUnknownParentDepartment() {
		validate(departments("NEW,新部署,,NOPE,,"), null);

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(CsvFile.DEPARTMENTS, 2L, "parent_code", "csv.department.unknown"));
	}

	@Test
	void knowsDepartmentsAndPeopleThatOnlyTheOtherFileBrings() {
		validate(departments("NEW,新部署,,,head@corp.example,"),
				employees("N1,部長,,head@corp.example,NEW,MANAGER,,2000,,ja"));

		assertThat(this.problems).isEmpty();
	}

	@Test
	void rejectsUnknownHeadOfficerAndManager() {
		validate(departments("NEW,新部署,,,nobody@corp.example,ghost@corp.example"),
				employees("N1,新人,,n1@corp.example,HQ,STAFF,,2024,phantom@corp.example,ja"));

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(CsvFile.DEPARTMENTS, 2L, "head_email", "csv.person.unknown"),
					tuple(CsvFile.DEPARTMENTS, 2L, "officer_email", "csv.person.unknown"),
					tuple(CsvFile.EMPLOYEES, 2L, "reports_to_email", "csv.person.unknown"));
	}

	@Test
	void forgetsTheOldAddressOfSomeoneTheFileGivesANewOne() {
		validate(null, employees("E1,社長,,president@corp.example,HQ,EXECUTIVE,,1990,,ja",
				"N1,新人,,n1@corp.example,HQ,STAFF,,2024,boss@corp.example,ja"));

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(3L, "reports_to_email", "csv.person.unknown"));
	}

	@Test
	void rejectsDuplicateCodesInAFile() {
		validate(departments("NEW,a,,,,", "NEW,b,,,,"),
				employees("N1,a,,a@corp.example,HQ,STAFF,,2024,,ja", "N1,b,,b@corp.example,HQ,STAFF,,2024,,ja"));

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::line, CsvProblem::column, CsvProblem::messageKey,
				CsvProblem::arguments)
			.containsExactly(tuple(CsvFile.DEPARTMENTS, 3L, "code", "csv.code.duplicate", List.of("NEW", "2")),
					tuple(CsvFile.EMPLOYEES, 3L, "employee_code", "csv.code.duplicate", List.of("N1", "2")));
	}

	@Test
	void rejectsTheSameEmailTwiceIgnoringCase() {
		validate(null, employees("N1,a,,same@corp.example,HQ,STAFF,,2024,,ja", "N2,b,,Same@Corp.example,HQ,STAFF,,2024,,ja"));

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(3L, "email", "csv.email.duplicate"));
	}

	@Test
	void rejectsAnEmailThatBelongsToAnotherStoredEmployee() {
		validate(null, employees("N1,a,,STAFF@corp.example,HQ,STAFF,,2024,,ja"));

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey, CsvProblem::arguments)
			.containsExactly(tuple(2L, "email", "csv.email.taken", List.of("STAFF@corp.example", "E2")));
	}

	@Test
	void letsAnEmployeeKeepTheirOwnEmail() {
		validate(null, employees("E2,社員,,Staff@corp.example,SUB,STAFF,,2020,boss@corp.example,ja"));

		assertThat(this.problems).isEmpty();
	}

	@Test
	void rejectsAnUnknownRankButAcceptsAnyCase() {
		validate(null, employees("N1,a,,a@corp.example,HQ,Manager,,2024,,ja", "N2,b,,b@corp.example,HQ,boss,,2024,,ja"));

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(3L, "rank", "csv.rank.unknown"));
	}

	@Test
	void rejectsAJoinYearThatIsNotANumberOrNotPossible() {
		validate(null, employees("N1,a,,a@corp.example,HQ,STAFF,,20x4,,ja", "N2,b,,b@corp.example,HQ,STAFF,,1800,,ja",
				"N3,c,,c@corp.example,HQ,STAFF,,２０２０,,ja"));

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(2L, "join_year", "csv.joinYear.notNumber"),
					tuple(3L, "join_year", "csv.joinYear.outOfRange"));
	}

	@Test
	void rejectsAnEmailOfTheWrongShape() {
		validate(departments("NEW,a,,,not-an-email,"), employees("N1,a,,a@corp,HQ,STAFF,,2024,a b@corp.example,ja"));

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(CsvFile.DEPARTMENTS, 2L, "head_email", "csv.email.shape"),
					tuple(CsvFile.EMPLOYEES, 2L, "email", "csv.email.shape"),
					tuple(CsvFile.EMPLOYEES, 2L, "reports_to_email", "csv.email.shape"));
	}

	@Test
	void rejectsALanguageOtherThanJapaneseOrEnglish() {
		OrgChartChanges changes = validate(null, employees("N1,a,,a@corp.example,HQ,STAFF,,2024,,fr"));

		assertThat(changes).isNull();
		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(2L, "locale", "csv.locale.unknown"));
	}

	@Test
	void rejectsMissingRequiredValues() {
		validate(departments(",名前だけ,,,,", "CODE_ONLY,,,,,"), null);

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::line, CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple(CsvFile.DEPARTMENTS, 2L, "code", "csv.value.required"),
					tuple(CsvFile.DEPARTMENTS, 3L, "name", "csv.value.required"));
		this.problems.clear();

		validate(null, employees("N1,,,,,,,,,"));

		assertThat(this.problems).extracting(CsvProblem::column, CsvProblem::messageKey)
			.containsExactly(tuple("name", "csv.value.required"), tuple("email", "csv.value.required"),
					tuple("department_code", "csv.value.required"), tuple("rank", "csv.value.required"),
					tuple("join_year", "csv.value.required"));
	}

	@Test
	void rejectsValuesLongerThanTheirColumnCountingCharactersNotBytes() {
		String hundredKanji = "𠮷".repeat(100);
		validate(departments("X".repeat(33) + "," + hundredKanji + ",,,,", "OK," + hundredKanji + "x,,,,"), null);

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey, CsvProblem::arguments)
			.containsExactly(tuple(2L, "code", "csv.value.tooLong", List.of("32", "33")),
					tuple(3L, "name", "csv.value.tooLong", List.of("100", "101")));
	}

	@Test
	void rejectsAParentLoopThroughFileAndDatabase() {
		// SUB's parent is HQ in the database; making HQ a part of SUB closes the loop.
		validate(departments("HQ,本社,Head office,SUB,boss@corp.example,boss@corp.example", "SELF,自分,,SELF,,"), null);

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey, CsvProblem::arguments)
			.containsExactly(tuple(2L, "parent_code", "csv.department.cycle", List.of("HQ → SUB → HQ")),
					tuple(3L, "parent_code", "csv.department.cycle", List.of("SELF → SELF")));
	}

	@Test
	void rejectsAReportsToLoop() {
		// The staff member reports to the boss in the database; the boss may not report to her.
		validate(null, employees("E1,社長,,boss@corp.example,HQ,EXECUTIVE,,1990,staff@corp.example,ja"));

		assertThat(this.problems).extracting(CsvProblem::line, CsvProblem::column, CsvProblem::messageKey, CsvProblem::arguments)
			.containsExactly(tuple(2L, "reports_to_email", "csv.reportsTo.cycle",
					List.of("boss@corp.example → staff@corp.example → boss@corp.example")));
	}

	@Test
	void doesNotCallDepartmentsUnknownWhenTheDepartmentsFileCouldNotBeRead() {
		validate(CsvSheet.unreadable(CsvFile.DEPARTMENTS), employees("N1,a,,a@corp.example,NEW,STAFF,,2024,,ja"));

		assertThat(this.problems).isEmpty();
	}

	@Test
	void listsProblemsFileByFileInLineOrder() {
		validate(departments("A,a,,NOPE,,", "B,b,,,,"), employees("N1,a,,a@corp.example,NOPE,STAFF,,2024,,ja",
				"N2,b,,b@corp.example,HQ,nope,,2024,,ja"));

		assertThat(this.problems).extracting(CsvProblem::file, CsvProblem::line)
			.containsExactly(tuple(CsvFile.DEPARTMENTS, 2L), tuple(CsvFile.EMPLOYEES, 2L), tuple(CsvFile.EMPLOYEES, 3L));
	}

	private OrgChartChanges validate(CsvSheet departments, CsvSheet employees) {
		return OrgChartValidation.validate(departments, employees, aStoredCompany(), this.problems);
	}

	private CsvSheet departments(String... lines) {
		return sheet(CsvFile.DEPARTMENTS, DEPARTMENTS, lines);
	}

	private CsvSheet employees(String... lines) {
		return sheet(CsvFile.EMPLOYEES, EMPLOYEES, lines);
	}

	private static CsvSheet sheet(CsvFile file, String header, String... lines) {
		List<CsvProblem> readProblems = new ArrayList<>();
		String text = header + "\n" + String.join("\n", lines) + "\n";
		CsvSheet sheet = new OrgChartCsvReader(1 << 20)
			.read(CsvUpload.of(file, file.fileName(), text.getBytes(StandardCharsets.UTF_8)), readProblems);
		assertThat(readProblems).as("the test's CSV reads").isEmpty();
		return sheet;
	}

}
