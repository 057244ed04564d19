package io.tsunagu.directory;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

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

	List<Long> activeAmong(Collection<Long> ids) {
		return this.jdbc.sql("SELECT id FROM employees WHERE id = ANY (?) AND active")
			.param(ids.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/** How many of these employees each department has, handed over as department code and count. */
	void countByDepartment(Collection<Long> ids, BiConsumer<String, Long> counted) {
		this.jdbc.sql("""
				SELECT d.code, count(*) FROM employees e JOIN departments d ON d.id = e.department_id
				WHERE e.id = ANY (?) GROUP BY d.code""")
			.param(ids.toArray(Long[]::new))
			.query(rs -> {
				counted.accept(rs.getString(1), rs.getLong(2));
			});
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

	/** Who this employee reports to, then who that person reports to, and so on up; at most 20 steps. */
	List<Long> reportingLine(long employeeId) {
		return this.jdbc.sql("""
				WITH RECURSIVE line (id, depth) AS (
				    SELECT reports_to_id, 1 FROM employees WHERE id = ? AND reports_to_id IS NOT NULL
				    UNION ALL
				    SELECT e.reports_to_id, line.depth + 1 FROM employees e JOIN line ON e.id = line.id
				    WHERE e.reports_to_id IS NOT NULL AND line.depth < 20)
				SELECT id FROM line ORDER BY depth""")
			.param(employeeId)
			.query(Long.class)
			.list();
	}

	/** Those among these employees whose reporting line, followed up at most 20 steps, reaches the boss. */
	List<Long> below(long bossId, Collection<Long> ids) {
		return this.jdbc.sql("""
				WITH RECURSIVE line (start, id, depth) AS (
				    SELECT e.id, e.reports_to_id, 1 FROM employees e WHERE e.id = ANY (?) AND e.reports_to_id IS NOT NULL
				    UNION ALL
				    SELECT line.start, e.reports_to_id, line.depth + 1 FROM employees e JOIN line ON e.id = line.id
				    WHERE e.reports_to_id IS NOT NULL AND line.depth < 20 AND line.id <> ?)
				SELECT DISTINCT start FROM line WHERE id = ?""")
			.params(ids.toArray(Long[]::new), bossId, bossId)
			.query(Long.class)
			.list();
	}

	/** Every department with its head and active headcount, by code: one pass over the employees, counted by department. */
	List<DepartmentFigures> departmentFigures() {
		return this.jdbc.sql("""
				SELECT d.id, d.code, d.name, d.name_en, d.head_id, coalesce(c.people, 0)
				FROM departments d
				LEFT JOIN (SELECT department_id, count(*) AS people FROM employees WHERE active GROUP BY department_id) c
				       ON c.department_id = d.id
				ORDER BY d.code""")
			.query((rs, n) -> new DepartmentFigures(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, Long.class), rs.getLong(6)))
			.list();
	}

	List<Long> departmentsHeadedBy(long employeeId) {
		return this.jdbc.sql("SELECT id FROM departments WHERE head_id = ? ORDER BY code").param(employeeId).query(Long.class).list();
	}

}
