package io.tsunagu.directory;

/**
 * A colleague as a list to search by eye or by typing shows them: name, reading in hiragana (however the
 * org chart keeps it, so that a reading typed in either kana finds it once turned into hiragana too), and
 * department.
 */
public record Colleague(long id, String name, String reading, DepartmentRef department) {

	static Colleague of(Employee employee) {
		Department department = employee.getDepartment();
		return new Colleague(employee.getId(), employee.getName(), reading(employee.getNameKana()),
				new DepartmentRef(department.getCode(), department.getName(), department.getNameEn()));
	}

	static Colleague of(ListedEmployee employee) {
		return new Colleague(employee.id(), employee.name(), reading(employee.nameKana()), employee.department());
	}

	private static String reading(String kana) {
		return kana == null ? "" : Kana.toHiragana(kana);
	}

}
