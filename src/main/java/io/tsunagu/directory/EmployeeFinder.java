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
 * up in the search index of migration V17, matches are counted only up to {@link #COUNT_CAP}, and only
 * the columns a list shows are read.
 * <p>
 * The count also chooses how the page is read. Up to {@link #COUNT_CAP} matches, they are taken from the
 * index and sorted. Beyond it, at least one employee in a hundred matches, so walking the reading order
 * and testing each row finds a page within a few thousand rows, whereas fetching and sorting every match
 * grows with the company (佐藤: ten thousand). The planner cannot tell the two apart: it multiplies the
 * frequencies of a term's characters as if they were independent, and would walk the whole company for
 * a term that matches nobody. So the search sets the plan for its own statements ({@code set_config(…, true)},
 * local to the transaction) and restores the planner's settings after them.
 */
@Repository
@Transactional(readOnly = true)
class EmployeeFinder {

	/** Matches are counted up to this many; a search with more lists the first ones and asks to narrow it. */
	static final int COUNT_CAP = 1000;

	private static final String COLUMNS = """
			SELECT e.id, e.code, e.name, e.name_kana, e.email, e.rank, e.title, e.join_year, e.locale, e.department_id,
			       d.code AS department_code, d.name AS department_name, d.name_en AS department_name_en
			FROM employees e JOIN departments d ON d.id = e.department_id
			""";

	/** Between the pairs of a form in a parameter; {@code chr(1)} in SQL, never in a name or an address. */
	private static final String SEPARATOR = "\u0001";

	private final JdbcClient jdbc;

	EmployeeFinder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of the directory in the search's order, and whether there were more matches than counted. */
	Listing page(EmployeeSearch search) {
		Conditions conditions = new Conditions(search.terms());
		conditions.filter(search);
		try {
			int matches = count(conditions);
			boolean capped = matches > COUNT_CAP;
			int pages = Math.max(1, (Math.min(matches, COUNT_CAP) + EmployeeSearch.PAGE_SIZE - 1) / EmployeeSearch.PAGE_SIZE);
			int number = capped ? Math.min(search.pageNumber(), pages - 1) : search.pageNumber();
			List<ListedEmployee> rows = rows(conditions, capped && search.order() == EmployeeSearch.Order.KANA,
					search.order(), EmployeeSearch.PAGE_SIZE, number * EmployeeSearch.PAGE_SIZE);
			return new Listing(new PageImpl<>(rows, PageRequest.of(number, EmployeeSearch.PAGE_SIZE),
					Math.min(matches, COUNT_CAP)), capped);
		}
		finally {
			restorePlanner(conditions);
		}
	}

	/** Active employees whose name, reading or email contains every word of the text, by reading; at most {@code limit}. */
	List<ListedEmployee> first(String text, int limit) {
		Conditions conditions = new Conditions(EmployeeSearch.forText(text).terms());
		if (!conditions.searches()) {
			return List.of();
		}
		try {
			boolean capped = count(conditions) > COUNT_CAP;
			return rows(conditions, capped, EmployeeSearch.Order.KANA, limit, 0);
		}
		finally {
			restorePlanner(conditions);
		}
	}

	private int count(Conditions conditions) {
		if (conditions.searches()) {
			plan(false);
		}
		return this.jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM employees e WHERE " + conditions.sql(false)
				+ " LIMIT " + (COUNT_CAP + 1) + ") m")
			.params(conditions.params)
			.query(Integer.class)
			.single();
	}

	private List<ListedEmployee> rows(Conditions conditions, boolean walk, EmployeeSearch.Order order, int limit,
			int offset) {
		if (walk) {
			plan(true);
		}
		return this.jdbc.sql(COLUMNS + "WHERE " + conditions.sql(walk) + " ORDER BY " + order.sql() + " LIMIT " + limit
				+ " OFFSET " + offset)
			.params(conditions.params)
			.query(EmployeeFinder::listed)
			.list();
	}

	/**
	 * Until {@link #restorePlanner}: walk the reading order's index ({@code walk}), or take matches from the
	 * search index and sort them; never read the whole table.
	 */
	private void plan(boolean walk) {
		this.jdbc.sql("""
				SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', :walk, true),
				       set_config('enable_bitmapscan', :pick, true)""")
			.param("walk", walk ? "on" : "off")
			.param("pick", walk ? "off" : "on")
			.query()
			.singleRow();
	}

	/** The rest of the caller's transaction plans as it would have. */
	private void restorePlanner(Conditions conditions) {
		if (conditions.searches()) {
			this.jdbc.sql("""
					SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_indexscan TO DEFAULT;
					SET LOCAL enable_bitmapscan TO DEFAULT""").update();
		}
	}

	private static ListedEmployee listed(ResultSet rs, int row) throws SQLException {
		return new ListedEmployee(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_kana"),
				rs.getString("email"), Rank.valueOf(rs.getString("rank")), rs.getString("title"), rs.getInt("join_year"),
				Locale.forLanguageTag(rs.getString("locale")), rs.getLong("department_id"), new DepartmentRef(
						rs.getString("department_code"), rs.getString("department_name"), rs.getString("department_name_en")));
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
		 * Every filter, and for each term one of its forms as a substring of the search text; unless
		 * {@code walking}, each form also as its character or pairs in the search index.
		 */
		String sql(boolean walking) {
			List<String> clauses = new ArrayList<>(this.filters);
			for (List<String> names : this.terms) {
				List<String> alternatives = new ArrayList<>();
				for (String name : names) {
					String contains = "strpos(e.search_text, :" + name + ") > 0";
					alternatives.add(walking ? contains : "(search_pairs(e.search_text) @> string_to_array(:" + name
							+ "pairs, chr(1)) AND " + contains + ")");
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
