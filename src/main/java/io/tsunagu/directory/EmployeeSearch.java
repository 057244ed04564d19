package io.tsunagu.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The directory's search form: free text over name, kana and email, filters, sorting and a page.
 */
record EmployeeSearch(String q, String department, Rank rank, Integer joinedFrom, Integer joinedTo, String sort,
		Integer page) {

	static final int PAGE_SIZE = 25;

	/** The orders the page offers; anything else falls back to the kana order. */
	enum Order {

		KANA("e.name_kana, e.code"), NAME("e.name, e.code"), JOIN_YEAR("e.join_year, e.name_kana, e.code"),
		JOIN_YEAR_DESC("e.join_year DESC, e.name_kana, e.code"), DEPARTMENT("d.code, e.name_kana, e.code");

		private final String sql;

		Order(String sql) {
			this.sql = sql;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The ORDER BY list, over {@code employees e} joined to {@code departments d}. */
		String sql() {
			return this.sql;
		}

	}

	public Order order() {
		for (Order order : Order.values()) {
			if (order.param().equals(this.sort)) {
				return order;
			}
		}
		return Order.KANA;
	}

	/** A search on text alone, in reading order. */
	static EmployeeSearch forText(String text) {
		return new EmployeeSearch(text, null, null, null, null, null, 0);
	}

	/** The words of the text, each of which a match must contain; none for a blank text. */
	List<String> terms() {
		return this.q == null || this.q.isBlank() ? List.of() : Arrays.asList(this.q.trim().split("[\\s　]+"));
	}

	/** The page asked for, from 0. */
	int pageNumber() {
		return this.page == null || this.page < 0 ? 0 : this.page;
	}

}
