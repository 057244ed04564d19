package io.tsunagu.network;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.DepartmentFigures;
import io.tsunagu.directory.Directory;
import io.tsunagu.network.DepartmentMapPage.Cell;
import io.tsunagu.network.DepartmentMapPage.Department;
import io.tsunagu.network.DepartmentMapPage.Figure;
import io.tsunagu.network.DepartmentMapPage.Pair;
import io.tsunagu.network.DepartmentMapPage.QuarterShare;
import io.tsunagu.network.DepartmentMapPage.Row;
import io.tsunagu.network.DepartmentMapPage.Share;
import io.tsunagu.network.DepartmentMapPage.TopEvent;

/**
 * The department map for leaders, read from the figures kept per range of quarters
 * ({@link DepartmentMapTables}); every view is audited with who looked and at which period.
 * <p>
 * Privacy: a number resting on fewer than five people is shown as "fewer than 5", never exact. No number
 * may give a hidden one away by subtraction, so the map shows <b>no additive totals</b>: no row or column
 * sums, and the pairs with the fewest ties show each direction, not their sum. The one figure made of a
 * sum is the company's share of people with a tie outside their department (the sum over departments of
 * their people with such a tie): a department where that is fewer than five is left out of its numerator,
 * so that a department whose only outside tie is a hidden cell cannot be read back from the share (its
 * people stay in the headcount, so the share errs low, by at most four people per department). Cells are
 * counts of distinct people per department pair, which are not additive either (one person reaching two
 * departments counts in both cells).
 */
@Service
class DepartmentMaps {

	static final int FEWEST_PAIRS = 5;

	static final int TOP_EVENTS = 5;

	private final DepartmentMapTables tables;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	DepartmentMaps(DepartmentMapTables tables, Directory directory, JdbcClient jdbc, AuditLog audit, Clock clock,
			@Value("${tsunagu.zone}") ZoneId zone) {
		this.tables = tables;
		this.directory = directory;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	/** The current quarter, in the company's zone. */
	Quarter now() {
		return Quarter.of(LocalDate.now(this.clock.withZone(this.zone)));
	}

	/** The department with this code, if there is one. */
	java.util.Optional<Long> departmentId(String code) {
		return this.directory.departmentFigures().stream().filter(d -> d.code().equals(code)).map(DepartmentFigures::id).findFirst();
	}

	/**
	 * The map for the period: the whole company, or the row of one department only. Recorded in the audit
	 * log as seen by the actor, in the same transaction.
	 * @param only the one department whose row is shown, or null for all
	 * @param how what was viewed, for the audit log ({@code page} or {@code csv})
	 */
	@Transactional
	DepartmentMapPage view(MapPeriod period, Long only, String actor, String how, Locale locale) {
		boolean current = this.tables.ready(period.from(), period.to());
		for (int q = period.from().number(); q <= period.to().number(); q++) {
			current &= this.tables.ready(Quarter.ofNumber(q), Quarter.ofNumber(q));
		}
		List<DepartmentFigures> all = this.directory.departmentFigures();
		Map<Long, Map<Long, Integer>> cells = cells(period.from(), period.to());
		Map<Long, Integer> outside = outside(period.from(), period.to());
		List<DepartmentFigures> shown = all.stream()
			.filter(d -> d.headcount() > 0 || outside.containsKey(d.id()) || cells.containsKey(d.id()))
			.toList();
		Map<Long, Department> departments = new LinkedHashMap<>();
		shown.forEach(d -> departments.put(d.id(), new Department(d.id(), d.code(), d.displayName(locale))));
		Map<Long, Long> headcounts = new HashMap<>();
		shown.forEach(d -> headcounts.put(d.id(), d.headcount()));

		List<Row> rows = new ArrayList<>();
		for (Department row : departments.values()) {
			if (only != null && row.id() != only) {
				continue;
			}
			List<Cell> line = new ArrayList<>();
			for (Department column : departments.values()) {
				long people = people(cells, row.id(), column.id());
				line.add(new Cell(column, Figure.of(people), heat(people, headcounts.get(row.id()))));
			}
			rows.add(new Row(row, line));
		}
		boolean whole = only == null;
		List<QuarterShare> trend = new ArrayList<>();
		for (int q = period.from().number(); q <= period.to().number(); q++) {
			Quarter quarter = Quarter.ofNumber(q);
			trend.add(new QuarterShare(quarter, share(outside(quarter, quarter), headcounts, only)));
		}
		DepartmentMapPage page = new DepartmentMapPage(period, whole, List.copyOf(departments.values()), rows,
				share(outside, headcounts, only), trend, fewest(cells, departments, outside.keySet(), only),
				whole ? topEvents(period) : List.of(), whole ? generations(period, true) : null,
				whole ? generations(period, false) : null, !current);
		this.audit.record(actor, "network.map." + how, period.from() + "–" + period.to(),
				whole ? "all departments" : "department " + departments.get(only).code());
		return page;
	}

	/** People per department and other department of the range: only those above zero are kept. */
	private Map<Long, Map<Long, Integer>> cells(Quarter from, Quarter to) {
		Map<Long, Map<Long, Integer>> found = new HashMap<>();
		this.jdbc.sql("""
				SELECT department_id, other_department_id, people FROM network_map_cells
				WHERE from_quarter = ? AND to_quarter = ?""")
			.params(from.number(), to.number())
			.query((RowCallbackHandler) rs -> found.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
				.put(rs.getLong(2), rs.getInt(3)));
		return found;
	}

	private static long people(Map<Long, Map<Long, Integer>> cells, long department, long other) {
		return cells.getOrDefault(department, Map.of()).getOrDefault(other, 0);
	}

	/** People with a tie outside their department in the range, by department. */
	private Map<Long, Integer> outside(Quarter from, Quarter to) {
		Map<Long, Integer> found = new HashMap<>();
		this.jdbc.sql("""
				SELECT department_id, people_outside FROM network_map_reach WHERE from_quarter = ? AND to_quarter = ?""")
			.params(from.number(), to.number())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.forEach(entry -> found.put(entry.getKey(), entry.getValue()));
		return found;
	}

	/**
	 * The share of people with a tie outside their department: of one department, or of the company, where
	 * departments with fewer than five such people are left out of the numerator (see the class comment).
	 */
	private static Share share(Map<Long, Integer> outside, Map<Long, Long> headcounts, Long only) {
		long people;
		long of;
		boolean leftOut = false;
		if (only != null) {
			people = outside.getOrDefault(only, 0);
			of = headcounts.getOrDefault(only, 0L);
		}
		else {
			people = outside.values().stream().filter(n -> n >= DepartmentMapPage.FEWEST_SHOWN).mapToLong(n -> n).sum();
			leftOut = outside.values().stream().anyMatch(n -> n > 0 && n < DepartmentMapPage.FEWEST_SHOWN);
			of = headcounts.values().stream().mapToLong(n -> n).sum();
		}
		// Nobody counted while some were left out is not "0": it is fewer than five in each department.
		Figure figure = people == 0 && leftOut ? new Figure(null) : Figure.of(people);
		Integer percent = figure.hidden() || of == 0 ? null : (int) Math.round(100.0 * people / of);
		return new Share(figure, of, percent);
	}

	/**
	 * The pairs of departments with the fewest ties, 0 included, among the departments whose people were at
	 * an event of the period (one nobody of which came to anything is seen as an empty row): of the whole
	 * company, each pair with both directions; of one department, its row's lowest cells. Ordered by what
	 * is shown (a hidden number counts as one), so that the order gives no hidden number away either.
	 */
	private static List<Pair> fewest(Map<Long, Map<Long, Integer>> cells, Map<Long, Department> departments,
			java.util.Set<Long> present, Long only) {
		List<Department> list = departments.values().stream().filter(d -> present.contains(d.id())).toList();
		record Weighed(Pair pair, int weight) {
		}
		List<Weighed> pairs = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			for (int j = only == null ? i + 1 : 0; j < list.size(); j++) {
				Department one = list.get(i);
				Department other = list.get(j);
				if (one.id() == other.id() || (only != null && one.id() != only)) {
					continue;
				}
				Figure there = Figure.of(people(cells, one.id(), other.id()));
				Figure back = only == null ? Figure.of(people(cells, other.id(), one.id())) : null;
				pairs.add(new Weighed(new Pair(one, other, there, back), shown(there) + shown(back)));
			}
		}
		return pairs.stream()
			.sorted(Comparator.comparingInt(Weighed::weight)
				.thenComparing(weighed -> weighed.pair().one().code())
				.thenComparing(weighed -> weighed.pair().other().code()))
			.limit(FEWEST_PAIRS)
			.map(Weighed::pair)
			.toList();
	}

	private static int shown(Figure figure) {
		return figure == null ? 0 : figure.hidden() ? 1 : figure.shown();
	}

	/** The events of the period that made the most new ties across departments; none of fewer than five people. */
	private List<TopEvent> topEvents(MapPeriod period) {
		return this.jdbc.sql("""
				SELECT plan_id, title, held_on, people, new_cross_department_ties FROM network_events
				WHERE held_on >= ? AND held_on < ? AND people >= ? AND new_cross_department_ties > 0
				ORDER BY new_cross_department_ties DESC, held_on DESC, plan_id DESC LIMIT ?""")
			.params(period.from().firstDay(), period.to().end(), DepartmentMapPage.FEWEST_SHOWN, TOP_EVENTS)
			.query((rs, n) -> new TopEvent(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					Figure.of(rs.getInt(4)), Figure.of(rs.getInt(5))))
			.list();
	}

	/** New ties of the period across generations (先輩・後輩), or within a cohort. */
	private Figure generations(MapPeriod period, boolean across) {
		String column = across ? "new_ties_across_generations" : "new_ties_within_cohort";
		return Figure.of(this.jdbc.sql("SELECT coalesce(sum(" + column + "), 0) FROM network_events WHERE held_on >= ? AND held_on < ?")
			.params(period.from().firstDay(), period.to().end())
			.query(Long.class)
			.single());
	}

	/** 0 for nobody; else 1–5 by the share of the row's people; -1 for a hidden number (one colour for all). */
	private static int heat(long people, Long headcount) {
		if (people == 0) {
			return 0;
		}
		if (people < DepartmentMapPage.FEWEST_SHOWN) {
			return -1;
		}
		double share = headcount == null || headcount == 0 ? 1 : (double) people / headcount;
		return share <= 0.1 ? 1 : share <= 0.25 ? 2 : share <= 0.5 ? 3 : share <= 0.75 ? 4 : 5;
	}

}
