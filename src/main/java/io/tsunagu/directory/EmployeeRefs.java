package io.tsunagu.directory;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Employees by their ids as other modules know them, in one statement with the ids as an array. Nearly
 * every page names a few people this way; through JPA, a list of ids was a new query translation on every
 * call, the page's largest single cost.
 */
@Component
class EmployeeRefs {

	private final JdbcClient jdbc;

	EmployeeRefs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<EmployeeRef> byIds(Collection<Long> ids) {
		return this.jdbc.sql("""
				SELECT e.id, e.code, e.name, e.email, d.id, d.code, e.rank, e.join_year, e.locale, e.title
				FROM employees e JOIN departments d ON d.id = e.department_id
				WHERE e.id = ANY (?)""")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> new EmployeeRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), Rank.valueOf(rs.getString(7)), rs.getInt(8),
					Locale.forLanguageTag(rs.getString(9)), rs.getString(10)))
			.list();
	}

	/** The same, as lists of colleagues show them: with their reading and their department's names. */
	List<Colleague> colleaguesByIds(Collection<Long> ids) {
		return this.jdbc.sql("""
				SELECT e.id, e.name, e.name_kana, d.code, d.name, d.name_en
				FROM employees e JOIN departments d ON d.id = e.department_id
				WHERE e.id = ANY (?)""")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> Colleague.of(rs.getLong(1), rs.getString(2), rs.getString(3),
					new DepartmentRef(rs.getString(4), rs.getString(5), rs.getString(6))))
			.list();
	}

}
