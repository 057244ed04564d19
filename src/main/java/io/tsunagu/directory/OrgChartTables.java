package io.tsunagu.directory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Repository;

/**
 * The departments and employees tables as the CSV import and export see them: whole tables at a
 * time, in plain JDBC.
 * <p>
 * Why not JPA: an import of 100,000 employees through entities means 100,000 managed objects, a
 * select per reference and a flush that checks them all; batched {@code INSERT … ON CONFLICT}
 * statements, which the driver rewrites into multi-row inserts ({@code reWriteBatchedInserts}),
 * do the same work in a few seconds.
 */
@Repository
class OrgChartTables {

	private static final int BATCH_SIZE = 1000;

	private static final int LINK_CHUNK = 10_000;

	private final JdbcTemplate jdbc;

	// Streams large results through a cursor (in a transaction) instead of holding them whole.
	private final JdbcTemplate streaming;

	OrgChartTables(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(BATCH_SIZE);
	}

	/**
	 * Keeps other writers out until the transaction ends, so that what was validated is what gets
	 * written; readers carry on. Two imports at once run one after the other.
	 */
	void lockForImport() {
		this.jdbc.execute("LOCK TABLE departments, employees IN SHARE ROW EXCLUSIVE MODE");
	}

	OrgChartSnapshot snapshot() {
		Map<String, DepartmentLine> departments = new HashMap<>();
		this.streaming.query("""
				SELECT d.code, d.name, d.name_en, p.code, h.code, o.code
				FROM departments d
				LEFT JOIN departments p ON p.id = d.parent_id
				LEFT JOIN employees h ON h.id = d.head_id
				LEFT JOIN employees o ON o.id = d.officer_id""", (ResultSet rs) -> {
			DepartmentLine line = new DepartmentLine(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6));
			departments.put(line.code(), line);
		});
		Map<String, EmployeeLine> employees = new HashMap<>();
		this.streaming.query("""
				SELECT e.code, e.name, e.name_kana, e.email, d.code, e.rank, e.title, e.join_year, m.code, e.locale
				FROM employees e
				JOIN departments d ON d.id = e.department_id
				LEFT JOIN employees m ON m.id = e.reports_to_id""", (ResultSet rs) -> {
			EmployeeLine line = new EmployeeLine(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), Rank.valueOf(rs.getString(6)), rs.getString(7), rs.getInt(8),
					rs.getString(9), rs.getString(10));
			employees.put(line.code(), line);
		});
		return new OrgChartSnapshot(departments, employees);
	}

	/**
	 * Writes validated changes in the order the foreign keys allow: departments without their
	 * references, their parents, employees without reports-to, reports-to, then heads and officers.
	 * Lines equal to what is stored are not written at all, so re-importing an export touches no row.
	 */
	void apply(OrgChartChanges changes, OrgChartSnapshot before) {
		List<DepartmentLine> departments = changes.departments();
		List<EmployeeLine> employees = changes.employees();

		batch("""
				INSERT INTO departments (code, name, name_en) VALUES (?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en""",
				departments.stream().filter(line -> !line.sameNames(before.departments().get(line.code()))).toList(),
				(ps, line) -> {
					ps.setString(1, line.code());
					ps.setString(2, line.name());
					ps.setString(3, line.nameEn());
				});
		Map<String, Long> departmentIds = ids("departments");
		link("departments", "parent_id",
				changed(departments, before.departments(), DepartmentLine::code, DepartmentLine::parentCode),
				line -> departmentIds.get(line.code()), line -> id(departmentIds, line.parentCode()));

		batch("""
				INSERT INTO employees (code, name, name_kana, email, department_id, rank, title, join_year, locale)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_kana = EXCLUDED.name_kana,
				    email = EXCLUDED.email, department_id = EXCLUDED.department_id, rank = EXCLUDED.rank,
				    title = EXCLUDED.title, join_year = EXCLUDED.join_year, locale = EXCLUDED.locale""",
				employees.stream().filter(line -> !line.sameExceptReportsTo(before.employees().get(line.code()))).toList(),
				(ps, line) -> {
					ps.setString(1, line.code());
					ps.setString(2, line.name());
					ps.setString(3, line.nameKana());
					ps.setString(4, line.email());
					ps.setLong(5, departmentIds.get(line.departmentCode()));
					ps.setString(6, line.rank().name());
					ps.setString(7, line.title());
					ps.setInt(8, line.joinYear());
					ps.setString(9, line.locale());
				});
		List<EmployeeLine> newManagers = changed(employees, before.employees(), EmployeeLine::code,
				EmployeeLine::reportsToCode);
		List<DepartmentLine> newHeads = departments.stream().filter(line -> {
			DepartmentLine stored = before.departments().get(line.code());
			return stored == null ? line.headCode() != null || line.officerCode() != null
					: !Objects.equals(stored.headCode(), line.headCode())
							|| !Objects.equals(stored.officerCode(), line.officerCode());
		}).toList();
		if (newManagers.isEmpty() && newHeads.isEmpty()) {
			return;
		}
		Map<String, Long> employeeIds = ids("employees");
		link("employees", "reports_to_id", newManagers, line -> employeeIds.get(line.code()),
				line -> id(employeeIds, line.reportsToCode()));
		batch("UPDATE departments SET head_id = ?, officer_id = ? WHERE id = ?", newHeads, (ps, line) -> {
			setId(ps, 1, employeeIds, line.headCode());
			setId(ps, 2, employeeIds, line.officerCode());
			ps.setLong(3, departmentIds.get(line.code()));
		});
	}

	/**
	 * Deactivates the active employees whose codes are not among these, from now: the file listed everyone,
	 * so they left the org chart. One anti-join against the codes, not a list compared row by row.
	 * @return the ids and addresses of those deactivated
	 */
	EmployeesDeactivated deactivateAllBut(List<String> codes, Instant now) {
		List<Long> ids = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		this.jdbc.query(connection -> {
			PreparedStatement ps = connection.prepareStatement("""
					UPDATE employees e SET active = FALSE, deactivated_at = ?
					WHERE e.active AND NOT EXISTS (SELECT 1 FROM unnest(?::text[]) AS c(code) WHERE c.code = e.code)
					RETURNING e.id, e.email""");
			ps.setTimestamp(1, Timestamp.from(now));
			ps.setArray(2, connection.createArrayOf("text", codes.toArray()));
			return ps;
		}, (ResultSet rs) -> {
			ids.add(rs.getLong(1));
			emails.add(rs.getString(2));
		});
		return new EmployeesDeactivated(ids, emails);
	}

	/** Makes the employees with these codes active again where they were deactivated and not yet anonymised. */
	int reactivate(List<String> codes) {
		return this.jdbc.update(connection -> {
			PreparedStatement ps = connection.prepareStatement("""
					UPDATE employees e SET active = TRUE, deactivated_at = NULL
					FROM unnest(?::text[]) AS c(code)
					WHERE e.code = c.code AND NOT e.active AND e.anonymised_at IS NULL""");
			ps.setArray(1, connection.createArrayOf("text", codes.toArray()));
			return ps;
		});
	}

	void eachDepartment(Consumer<String[]> row) {
		this.streaming.query("""
				SELECT d.code, d.name, d.name_en, p.code, h.email, o.email
				FROM departments d
				LEFT JOIN departments p ON p.id = d.parent_id
				LEFT JOIN employees h ON h.id = d.head_id
				LEFT JOIN employees o ON o.id = d.officer_id
				ORDER BY d.code""", (ResultSet rs) -> row.accept(strings(rs, 6)));
	}

	void eachEmployee(Consumer<String[]> row) {
		this.streaming.query("""
				SELECT e.code, e.name, e.name_kana, e.email, d.code, e.rank, e.title, e.join_year::text, m.email,
				       e.locale
				FROM employees e
				JOIN departments d ON d.id = e.department_id
				LEFT JOIN employees m ON m.id = e.reports_to_id
				ORDER BY e.code""", (ResultSet rs) -> row.accept(strings(rs, 10)));
	}

	private static String[] strings(ResultSet rs, int columns) throws SQLException {
		String[] values = new String[columns];
		for (int i = 0; i < columns; i++) {
			values[i] = rs.getString(i + 1);
		}
		return values;
	}

	private static <L> List<L> changed(List<L> lines, Map<String, L> stored, Function<L, String> code,
			Function<L, String> reference) {
		List<L> changed = new ArrayList<>();
		for (L line : lines) {
			L before = stored.get(code.apply(line));
			String now = reference.apply(line);
			if (before == null ? now != null : !Objects.equals(reference.apply(before), now)) {
				changed.add(line);
			}
		}
		return changed;
	}

	private Map<String, Long> ids(String table) {
		Map<String, Long> ids = new HashMap<>();
		// The table name is one of two constants of this class, never user input.
		this.streaming.query("SELECT code, id FROM " + table, (ResultSet rs) -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	/**
	 * Points one reference column of many rows at other rows. One {@code UPDATE … FROM unnest(…)} per
	 * chunk rather than a batch of single-row updates: a batched {@code UPDATE} is still executed row
	 * by row, and for the reports-to of 100,000 new employees that was the slowest part of an import.
	 */
	private <L> void link(String table, String column, List<L> lines, Function<L, Long> id, Function<L, Long> target) {
		// Table and column are constants of this class, never user input.
		String sql = "UPDATE " + table + " AS t SET " + column + " = v.target"
				+ " FROM unnest(?::bigint[], ?::bigint[]) AS v(id, target) WHERE t.id = v.id";
		for (int from = 0; from < lines.size(); from += LINK_CHUNK) {
			List<L> chunk = lines.subList(from, Math.min(lines.size(), from + LINK_CHUNK));
			Long[] ids = chunk.stream().map(id).toArray(Long[]::new);
			Long[] targets = chunk.stream().map(target).toArray(Long[]::new);
			this.jdbc.update(connection -> {
				PreparedStatement ps = connection.prepareStatement(sql);
				ps.setArray(1, connection.createArrayOf("bigint", ids));
				ps.setArray(2, connection.createArrayOf("bigint", targets));
				return ps;
			});
		}
	}

	private static Long id(Map<String, Long> ids, String code) {
		return code == null ? null : ids.get(code);
	}

	private static void setId(PreparedStatement ps, int index, Map<String, Long> ids, String code) throws SQLException {
		if (code == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, ids.get(code));
		}
	}

	private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(sql, rows, BATCH_SIZE, setter);
		}
	}

}
