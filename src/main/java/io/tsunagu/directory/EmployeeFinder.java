package io.tsunagu.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's search and the people pickers', made to hold at 100,000 employees: the text is looked
 * up in the search index of migration V17, at most {@link #COUNT_CAP} (+1) matches are taken from it, and
 * the page is those sorted, with only the columns a list shows.
 * <p>
 * A common term (佐藤: one employee in ten) has ten thousand matches, and the first page of them in
 * reading order cannot be found without sorting them all: walking the reading order stops early only
 * when the matches are spread over it, and a family name's are all in one place (サトウ, after
 * 30,000 others). So a search that matches more than {@link #COUNT_CAP} people lists that many of them,
 * says so, and asks to be narrowed; below the cap the list is complete and exact. The matches are taken
 * from the search index only, never from a scan: the planner multiplies the frequencies of a term's
 * characters as if they were independent, and for a term that matches nobody would otherwise read the
 * whole table. So the search turns sequential and plain index scans off for its own statement
 * ({@code set_config(…, true)}, local to the transaction) and restores the planner's settings after it.
 * Without a text (the whole directory, or by department) the planner decides, with the reading order's
 * index to walk.
 */
@Repository
@Transactional(readOnly = true)
class EmployeeFinder {

	/** Matches are counted up to this many; a search with more lists this many of them and asks to narrow it. */
	static final int COUNT_CAP = 1000;

	/** Between the pairs of a form in a parameter; {@code chr(1)} in SQL, never in a name or an address. */
	private static final String SEPARATOR = "\u0001";

	/**
	 * The matches (up to one more than the cap: the first in the page's order when there is no text), their
	 * number, and one page of them with their department; a page past the end gives the number alone.
	 */
	private static final String PAGE = """
			WITH found AS MATERIALIZED (
			    SELECT e.* FROM employees e JOIN departments d ON d.id = e.department_id WHERE %s %s LIMIT %d)
			SELECT m.matches, p.* FROM (SELECT count(*) AS matches FROM found) m LEFT JOIN LATERAL (
			    SELECT e.id, e.code, e.name, e.name_kana, e.email, e.rank, e.title, e.join_year, e.locale, e.department_id,
			           d.code AS department_code, d.name AS department_name, d.name_en AS department_name_en
			    FROM found e JOIN departments d ON d.id = e.department_id
			    ORDER BY %s LIMIT %d OFFSET %d) p ON true""";

	private final JdbcClient jdbc;

	EmployeeFinder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of the directory in the search's order, and whether there were more matches than counted. */
	Listing page(EmployeeSearch search) {
		Conditions conditions = new Conditions(search.terms());
		conditions.filter(search);
		int last = COUNT_CAP / EmployeeSearch.PAGE_SIZE - 1;
		int number = Math.min(search.pageNumber(), last);
		Found found = find(conditions, search.order(), EmployeeSearch.PAGE_SIZE, number * EmployeeSearch.PAGE_SIZE);
		int counted = Math.min(found.matches(), COUNT_CAP);
		return new Listing(new PageImpl<>(found.employees(), PageRequest.of(number, EmployeeSearch.PAGE_SIZE), counted),
				found.matches() > COUNT_CAP);
	}

	/** Active employees whose name, reading or email contains every word of the text, by reading; at most {@code limit}. */
	List<ListedEmployee> first(String text, int limit) {
		Conditions conditions = new Conditions(EmployeeSearch.forText(text).terms());
		if (!conditions.searches()) {
			return List.of();
		}
		return find(conditions, EmployeeSearch.Order.KANA, limit, 0).employees();
	}

	private Found find(Conditions conditions, EmployeeSearch.Order order, int limit, int offset) {
		// Without a text, the first employees in the page's order; with one, the first matches the index gives.
		String sql = PAGE.formatted(conditions.sql(), conditions.searches() ? "" : "ORDER BY " + order.sql(),
				COUNT_CAP + 1, order.sql(), limit, offset);
		if (!conditions.searches()) {
			return this.jdbc.sql(sql).params(conditions.params).query(EmployeeFinder::found);
		}
		this.jdbc.sql("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")
			.query()
			.singleRow();
		try {
			return this.jdbc.sql(sql).params(conditions.params).query(EmployeeFinder::found);
		}
		finally {
			this.jdbc.sql("SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_indexscan TO DEFAULT").update();
		}
	}

	private static Found found(ResultSet rs) throws SQLException {
		int matches = 0;
		List<ListedEmployee> employees = new ArrayList<>();
		while (rs.next()) {
			matches = rs.getInt("matches");
			if (rs.getObject("id") != null) {
				employees.add(new ListedEmployee(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						rs.getString("name_kana"), rs.getString("email"), Rank.valueOf(rs.getString("rank")),
						rs.getString("title"), rs.getInt("join_year"), Locale.forLanguageTag(rs.getString("locale")),
						rs.getLong("department_id"), new DepartmentRef(rs.getString("department_code"),
								rs.getString("department_name"), rs.getString("department_name_en"))));
			}
		}
		return new Found(matches, employees);
	}

	private record Found(int matches, List<ListedEmployee> employees) {
	}

	/** A page of the directory and whether more people matched than {@link #COUNT_CAP}. */
	record Listing(Page<ListedEmployee> page, boolean capped) {
	}

	/** The WHERE clause of a search over {@code employees e}, with its parameters. */
	private static final class Conditions {

		/** Per term, the parameter names of its forms. */
		private final List<List<String>> terms = new ArrayList<>();

		private final List<String> filters = new ArrayList<>(List.of("e.active"));

		private final Map<String, Object> params = new LinkedHashMap<>();

		Conditions(List<String> words) {
			for (String word : words) {
				// Readings are kept in katakana or hiragana; either way of typing finds both.
				Set<String> forms = new LinkedHashSet<>(
						List.of(word.toLowerCase(Locale.ROOT), Kana.toKatakana(word), Kana.toHiragana(word)));
				List<String> names = new ArrayList<>();
				for (String form : forms) {
					String name = "t" + this.params.size() / 2;
					this.params.put(name, form);
					this.params.put(name + "pairs", String.join(SEPARATOR, pairs(form)));
					names.add(name);
				}
				this.terms.add(names);
			}
		}

		void filter(EmployeeSearch search) {
			if (search.department() != null && !search.department().isBlank()) {
				this.filters.add("e.department_id = (SELECT id FROM departments WHERE code = :department)");
				this.params.put("department", search.department());
			}
			if (search.rank() != null) {
				this.filters.add("e.rank = :rank");
				this.params.put("rank", search.rank().name());
			}
			if (search.joinedFrom() != null) {
				this.filters.add("e.join_year >= :joinedFrom");
				this.params.put("joinedFrom", search.joinedFrom());
			}
			if (search.joinedTo() != null) {
				this.filters.add("e.join_year <= :joinedTo");
				this.params.put("joinedTo", search.joinedTo());
			}
		}

		boolean searches() {
			return !this.terms.isEmpty();
		}

		/**
		 * Every filter, and for each term one of its forms: its character or its pairs in the search index,
		 * and then as a substring of the search text.
		 */
		String sql() {
			List<String> clauses = new ArrayList<>(this.filters);
			for (List<String> names : this.terms) {
				List<String> alternatives = new ArrayList<>();
				for (String name : names) {
					alternatives.add("(search_pairs(e.search_text) @> string_to_array(:" + name + "pairs, chr(1))"
							+ " AND strpos(e.search_text, :" + name + ") > 0)");
				}
				clauses.add("(" + String.join(" OR ", alternatives) + ")");
			}
			return String.join(" AND ", clauses);
		}

		/** What the search index holds for a text that contains this form: its character, or its pairs. */
		static List<String> pairs(String form) {
			int[] chars = form.codePoints().toArray();
			if (chars.length == 1) {
				return List.of(form);
			}
			Set<String> pairs = new LinkedHashSet<>();
			for (int i = 0; i + 1 < chars.length; i++) {
				pairs.add(new String(chars, i, 2));
			}
			return List.copyOf(pairs);
		}

	}

}
