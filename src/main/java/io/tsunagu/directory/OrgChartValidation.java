package io.tsunagu.directory;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the rows of an upload against each other and against the stored org chart, and reports
 * every problem rather than the first, so that one round of corrections is enough. Works on the
 * rows and a snapshot only (no Spring, no database), so each rule can be tested on its own.
 * <p>
 * The two files are checked together: a department may name a head that only the employees file
 * brings, an employee a department that only the departments file brings. References are checked
 * against the state after the import (an employee whose email the file changes is no longer known
 * by the old one).
 */
final class OrgChartValidation {

	private static final String ARROW = " → ";

	private static final int LONGEST_LOOP_SHOWN = 10;

	private final OrgChartSnapshot stored;

	private final List<CsvProblem> problems;

	private OrgChartValidation(OrgChartSnapshot stored, List<CsvProblem> problems) {
		this.stored = stored;
		this.problems = problems;
	}

	/**
	 * The changes the upload makes, or {@code null} when it has problems (then in {@code problems},
	 * together with any the reader found).
	 * @param departments the departments file as read, or {@code null} when none was uploaded
	 * @param employees the employees file as read, or {@code null} when none was uploaded
	 */
	static OrgChartChanges validate(CsvSheet departments, CsvSheet employees, OrgChartSnapshot stored,
			List<CsvProblem> problems) {
		return new OrgChartValidation(stored, problems).run(departments, employees);
	}

	private OrgChartChanges run(CsvSheet departmentSheet, CsvSheet employeeSheet) {
		Map<String, DepartmentDraft> departments = departments(departmentSheet);
		Map<String, EmployeeDraft> employees = employees(employeeSheet);

		// A file that could not be read may have brought what a reference names; saying "unknown"
		// about it would send the administrator after problems that are not there.
		boolean departmentsKnowable = departmentSheet == null || departmentSheet.readable();
		boolean peopleKnowable = employeeSheet == null || employeeSheet.readable();

		Set<String> departmentCodes = new HashSet<>(this.stored.departments().keySet());
		departmentCodes.addAll(departments.keySet());
		Map<String, String> codeByEmail = codesByEmailAfterImport(employees);

		Map<String, String> parentCodes = new HashMap<>();
		Map<String, String[]> headAndOfficer = new HashMap<>();
		for (DepartmentDraft draft : departments.values()) {
			String parent = draft.parentCode();
			if (parent != null && departmentsKnowable && !departmentCodes.contains(parent)) {
				report(CsvFile.DEPARTMENTS, draft.line(), DepartmentColumn.PARENT_CODE, CsvError.UNKNOWN_DEPARTMENT, parent);
				parent = null;
			}
			parentCodes.put(draft.code(), parent);
			headAndOfficer.put(draft.code(),
					new String[] { person(draft, DepartmentColumn.HEAD_EMAIL, draft.headEmail(), codeByEmail, peopleKnowable),
							person(draft, DepartmentColumn.OFFICER_EMAIL, draft.officerEmail(), codeByEmail, peopleKnowable) });
		}
		Map<String, String> reportsToCodes = new HashMap<>();
		for (EmployeeDraft draft : employees.values()) {
			String department = draft.departmentCode();
			if (department != null && departmentsKnowable && !departmentCodes.contains(department)) {
				report(CsvFile.EMPLOYEES, draft.line(), EmployeeColumn.DEPARTMENT_CODE, CsvError.UNKNOWN_DEPARTMENT,
						department);
			}
			String manager = draft.reportsToEmail();
			String managerCode = null;
			if (manager != null) {
				managerCode = codeByEmail.get(key(manager));
				if (managerCode == null && peopleKnowable) {
					report(CsvFile.EMPLOYEES, draft.line(), EmployeeColumn.REPORTS_TO_EMAIL, CsvError.UNKNOWN_PERSON,
							manager);
				}
			}
			reportsToCodes.put(draft.code(), managerCode);
		}

		reportLoops(CsvFile.DEPARTMENTS, DepartmentColumn.PARENT_CODE, CsvError.DEPARTMENT_CYCLE,
				after(this.stored.departments(), DepartmentLine::parentCode, parentCodes), departments,
				Function.identity());
		Map<String, String> emailByCode = emailsByCodeAfterImport(employees);
		reportLoops(CsvFile.EMPLOYEES, EmployeeColumn.REPORTS_TO_EMAIL, CsvError.REPORTS_TO_CYCLE,
				after(this.stored.employees(), EmployeeLine::reportsToCode, reportsToCodes), employees,
				code -> emailByCode.getOrDefault(code, code));

		if (!this.problems.isEmpty()) {
			this.problems.sort(CsvProblem.READING_ORDER);
			return null;
		}
		return changes(departments, employees, parentCodes, headAndOfficer, reportsToCodes);
	}

	private Map<String, DepartmentDraft> departments(CsvSheet sheet) {
		Map<String, DepartmentDraft> drafts = new LinkedHashMap<>();
		if (sheet == null) {
			return drafts;
		}
		for (CsvRow row : sheet.rows()) {
			Cells cells = new Cells(CsvFile.DEPARTMENTS, row);
			DepartmentDraft draft = new DepartmentDraft(row.line(), cells.get(DepartmentColumn.CODE),
					cells.get(DepartmentColumn.NAME), cells.get(DepartmentColumn.NAME_EN),
					cells.get(DepartmentColumn.PARENT_CODE), cells.email(DepartmentColumn.HEAD_EMAIL),
					cells.email(DepartmentColumn.OFFICER_EMAIL));
			if (draft.code() == null) {
				continue;
			}
			DepartmentDraft first = drafts.putIfAbsent(draft.code(), draft);
			if (first != null) {
				report(CsvFile.DEPARTMENTS, row.line(), DepartmentColumn.CODE, CsvError.DUPLICATE_CODE, draft.code(),
						String.valueOf(first.line()));
			}
		}
		return drafts;
	}

	private Map<String, EmployeeDraft> employees(CsvSheet sheet) {
		Map<String, EmployeeDraft> drafts = new LinkedHashMap<>();
		if (sheet == null) {
			return drafts;
		}
		Map<String, String> storedOwners = new HashMap<>(this.stored.employees().size() * 2);
		this.stored.employees().values().forEach(employee -> storedOwners.put(key(employee.email()), employee.code()));
		Map<String, Long> emailLines = new HashMap<>(sheet.rows().size() * 2);
		for (CsvRow row : sheet.rows()) {
			Cells cells = new Cells(CsvFile.EMPLOYEES, row);
			EmployeeDraft draft = new EmployeeDraft(row.line(), cells.get(EmployeeColumn.EMPLOYEE_CODE),
					cells.get(EmployeeColumn.NAME), cells.get(EmployeeColumn.NAME_KANA),
					cells.email(EmployeeColumn.EMAIL), cells.get(EmployeeColumn.DEPARTMENT_CODE), cells.rank(),
					cells.get(EmployeeColumn.TITLE), cells.joinYear(), cells.email(EmployeeColumn.REPORTS_TO_EMAIL),
					cells.locale());
			if (draft.email() != null) {
				Long firstLine = emailLines.putIfAbsent(key(draft.email()), row.line());
				String owner = storedOwners.get(key(draft.email()));
				if (firstLine != null) {
					report(CsvFile.EMPLOYEES, row.line(), EmployeeColumn.EMAIL, CsvError.DUPLICATE_EMAIL, draft.email(),
							String.valueOf(firstLine));
				}
				else if (owner != null && !owner.equals(draft.code())) {
					// Even when the file moves the owner to another address in the same upload: the
					// unique index would trip over the intermediate state, so a swap takes two imports.
					report(CsvFile.EMPLOYEES, row.line(), EmployeeColumn.EMAIL, CsvError.EMAIL_TAKEN, draft.email(),
							owner);
				}
			}
			if (draft.code() == null) {
				continue;
			}
			EmployeeDraft first = drafts.putIfAbsent(draft.code(), draft);
			if (first != null) {
				report(CsvFile.EMPLOYEES, row.line(), EmployeeColumn.EMPLOYEE_CODE, CsvError.DUPLICATE_CODE,
						draft.code(), String.valueOf(first.line()));
			}
		}
		return drafts;
	}

	private String person(DepartmentDraft draft, DepartmentColumn column, String email, Map<String, String> codeByEmail,
			boolean knowable) {
		if (email == null) {
			return null;
		}
		String code = codeByEmail.get(key(email));
		if (code == null && knowable) {
			report(CsvFile.DEPARTMENTS, draft.line(), column, CsvError.UNKNOWN_PERSON, email);
		}
		return code;
	}

	/** Who answers to which address once the file is written: stored addresses, moved by the file. */
	private Map<String, String> codesByEmailAfterImport(Map<String, EmployeeDraft> employees) {
		Map<String, String> byEmail = new HashMap<>((this.stored.employees().size() + employees.size()) * 2);
		this.stored.employees().values().forEach(employee -> byEmail.put(key(employee.email()), employee.code()));
		for (EmployeeDraft draft : employees.values()) {
			EmployeeLine before = this.stored.employees().get(draft.code());
			if (before != null && draft.email() != null) {
				byEmail.remove(key(before.email()), draft.code());
			}
		}
		for (EmployeeDraft draft : employees.values()) {
			if (draft.email() != null) {
				byEmail.putIfAbsent(key(draft.email()), draft.code());
			}
		}
		return byEmail;
	}

	private Map<String, String> emailsByCodeAfterImport(Map<String, EmployeeDraft> employees) {
		Map<String, String> byCode = new HashMap<>();
		this.stored.employees().values().forEach(employee -> byCode.put(employee.code(), employee.email()));
		employees.values().stream().filter(draft -> draft.email() != null).forEach(draft -> byCode.put(draft.code(), draft.email()));
		return byCode;
	}

	private static <L> Map<String, String> after(Map<String, L> stored, Function<L, String> reference,
			Map<String, String> fromFile) {
		Map<String, String> next = new HashMap<>((stored.size() + fromFile.size()) * 2);
		stored.forEach((code, line) -> {
			String target = reference.apply(line);
			if (target != null) {
				next.put(code, target);
			}
		});
		fromFile.forEach((code, target) -> {
			if (target == null) {
				next.remove(code);
			}
			else {
				next.put(code, target);
			}
		});
		return next;
	}

	/**
	 * One problem for each line of the file that sits on a loop. A loop always runs through a line of
	 * the file: the stored org chart has none, and only the file changes it.
	 */
	private void reportLoops(CsvFile file, CsvColumn column, CsvError error, Map<String, String> next,
			Map<String, ? extends Draft> drafts, Function<String, String> label) {
		for (List<String> loop : Cycles.in(next)) {
			for (int i = 0; i < loop.size(); i++) {
				Draft draft = drafts.get(loop.get(i));
				if (draft != null) {
					List<String> fromHere = new ArrayList<>(loop);
					Collections.rotate(fromHere, -i);
					report(file, draft.line(), column, error, describe(fromHere, label));
				}
			}
		}
	}

	private static String describe(List<String> loop, Function<String, String> label) {
		StringBuilder text = new StringBuilder();
		int shown = Math.min(loop.size(), LONGEST_LOOP_SHOWN);
		for (int i = 0; i < shown; i++) {
			text.append(label.apply(loop.get(i))).append(ARROW);
		}
		if (shown < loop.size()) {
			text.append("…").append(ARROW);
		}
		return text.append(label.apply(loop.get(0))).toString();
	}

	private OrgChartChanges changes(Map<String, DepartmentDraft> departments, Map<String, EmployeeDraft> employees,
			Map<String, String> parentCodes, Map<String, String[]> headAndOfficer, Map<String, String> reportsToCodes) {
		int[] departmentCounts = new int[3];
		List<DepartmentLine> departmentLines = new ArrayList<>(departments.size());
		for (DepartmentDraft draft : departments.values()) {
			String[] people = headAndOfficer.get(draft.code());
			DepartmentLine line = new DepartmentLine(draft.code(), draft.name(), draft.nameEn(),
					parentCodes.get(draft.code()), people[0], people[1]);
			departmentLines.add(line);
			departmentCounts[outcome(this.stored.departments().get(line.code()), line)]++;
		}
		int[] employeeCounts = new int[3];
		List<EmployeeLine> employeeLines = new ArrayList<>(employees.size());
		for (EmployeeDraft draft : employees.values()) {
			EmployeeLine line = new EmployeeLine(draft.code(), draft.name(), draft.nameKana(), draft.email(),
					draft.departmentCode(), draft.rank(), draft.title(), draft.joinYear(),
					reportsToCodes.get(draft.code()), draft.locale());
			employeeLines.add(line);
			employeeCounts[outcome(this.stored.employees().get(line.code()), line)]++;
		}
		return new OrgChartChanges(departmentLines, employeeLines, new ImportCounts(departmentCounts[0],
				departmentCounts[1], departmentCounts[2], employeeCounts[0], employeeCounts[1], employeeCounts[2]));
	}

	private static int outcome(Object before, Object after) {
		return before == null ? 0 : before.equals(after) ? 2 : 1;
	}

	private void report(CsvFile file, long line, CsvColumn column, CsvError error, String... arguments) {
		this.problems.add(CsvProblem.at(file, line, column, error, arguments));
	}

	static String key(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	private interface Draft {

		long line();

	}

	/** A department line whose values passed their own checks; a value that did not is null. */
	private record DepartmentDraft(long line, String code, String name, String nameEn, String parentCode,
			String headEmail, String officerEmail) implements Draft {
	}

	/** An employee line whose values passed their own checks; a value that did not is null. */
	private record EmployeeDraft(long line, String code, String name, String nameKana, String email,
			String departmentCode, Rank rank, String title, Integer joinYear, String reportsToEmail,
			String locale) implements Draft {
	}

	/** The values of one line, each checked on its own; a value with a problem reads as null. */
	private final class Cells {

		private final CsvFile file;

		private final CsvRow row;

		Cells(CsvFile file, CsvRow row) {
			this.file = file;
			this.row = row;
		}

		String get(CsvColumn column) {
			String value = this.row.get(column);
			if (value == null) {
				if (column.required()) {
					report(this.file, this.row.line(), column, CsvError.REQUIRED);
				}
				return null;
			}
			int length = value.codePointCount(0, value.length());
			if (length > column.maxLength()) {
				report(this.file, this.row.line(), column, CsvError.TOO_LONG, String.valueOf(column.maxLength()),
						String.valueOf(length));
				return null;
			}
			return value;
		}

		String email(CsvColumn column) {
			String value = get(column);
			if (value != null && !EmailAddress.isValid(value)) {
				report(this.file, this.row.line(), column, CsvError.EMAIL_SHAPE, value);
				return null;
			}
			return value;
		}

		Rank rank() {
			String value = get(EmployeeColumn.RANK);
			if (value == null) {
				return null;
			}
			try {
				return Rank.valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				report(this.file, this.row.line(), EmployeeColumn.RANK, CsvError.RANK, value);
				return null;
			}
		}

		Integer joinYear() {
			String value = get(EmployeeColumn.JOIN_YEAR);
			if (value == null) {
				return null;
			}
			int year;
			try {
				// parseInt reads full-width digits too, which Japanese input methods produce.
				year = Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				report(this.file, this.row.line(), EmployeeColumn.JOIN_YEAR, CsvError.YEAR_NOT_A_NUMBER, value);
				return null;
			}
			if (!JoinYear.isValid(year)) {
				report(this.file, this.row.line(), EmployeeColumn.JOIN_YEAR, CsvError.YEAR_OUT_OF_RANGE,
						String.valueOf(year), String.valueOf(JoinYear.EARLIEST), String.valueOf(Year.now().getValue() + 1));
				return null;
			}
			return year;
		}

		String locale() {
			String value = get(EmployeeColumn.LOCALE);
			if (value == null) {
				return this.row.get(EmployeeColumn.LOCALE) == null ? "ja" : null;
			}
			String language = value.toLowerCase(Locale.ROOT);
			if (!language.equals("ja") && !language.equals("en")) {
				report(this.file, this.row.line(), EmployeeColumn.LOCALE, CsvError.LOCALE, value);
				return null;
			}
			return language;
		}

	}

}
