package io.tsunagu.directory;

import java.util.Locale;

/**
 * A department with its id, the employee who heads it (or null) and how many active employees it has, for
 * pages that count by department.
 */
public record DepartmentFigures(long id, String code, String name, String nameEn, Long headId, long headcount) {

	/** The name in the viewer's language; the Japanese name where no English one is kept. */
	public String displayName(Locale locale) {
		return new DepartmentRef(this.code, this.name, this.nameEn).displayName(locale);
	}

}
