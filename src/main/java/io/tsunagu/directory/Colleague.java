package io.tsunagu.directory;

/**
 * A colleague as a list to search by eye or by typing shows them: name, reading in hiragana (however the
 * org chart keeps it, so that a reading typed in either kana finds it once turned into hiragana too), and
 * department.
 */
public record Colleague(long id, String name, String reading, DepartmentRef department) {

	static Colleague of(long id, String name, String kana, DepartmentRef department) {
		return new Colleague(id, name, kana == null ? "" : Kana.toHiragana(kana), department);
	}

	static Colleague of(ListedEmployee employee) {
		return of(employee.id(), employee.name(), employee.nameKana(), employee.department());
	}

}
