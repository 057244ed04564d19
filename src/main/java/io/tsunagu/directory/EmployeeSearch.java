package io.tsunagu.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The directory's search form: free text over name, kana and email, filters, sorting and a page.
 */
record EmployeeSearch(String q, String department, Rank rank, Integer joinedFrom, Integer joinedTo, String sort,
		Integer page) {

	static final int PAGE_SIZE = 25;

	/** The orders the page offers; anything else falls back to the kana order. */
	enum Order {

		KANA(Sort.by("nameKana", "code")), NAME(Sort.by("name", "code")), JOIN_YEAR(Sort.by("joinYear", "nameKana", "code")),
		JOIN_YEAR_DESC(Sort.by(Sort.Order.desc("joinYear"), Sort.Order.asc("nameKana"), Sort.Order.asc("code"))),
		DEPARTMENT(Sort.by("department.code", "nameKana", "code"));

		private final Sort sort;

		Order(Sort sort) {
			this.sort = sort;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
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

	/** The first {@code limit} matches in this search's order. */
	Pageable first(int limit) {
		return PageRequest.of(0, limit, order().sort);
	}

	Pageable pageable() {
		int number = this.page == null || this.page < 0 ? 0 : this.page;
		return PageRequest.of(number, PAGE_SIZE, order().sort);
	}

	Specification<Employee> specification() {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			predicates.add(cb.isTrue(root.get("active")));
			if (this.q != null && !this.q.isBlank()) {
				for (String term : this.q.trim().split("[\\s　]+")) {
					String like = "%" + escape(term.toLowerCase(Locale.ROOT)) + "%";
					// Readings are kept in katakana or hiragana; either way of typing finds both.
					String katakana = "%" + escape(Kana.toKatakana(term)) + "%";
					String hiragana = "%" + escape(Kana.toHiragana(term)) + "%";
					predicates.add(cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
							cb.like(root.get("nameKana"), katakana, '\\'), cb.like(root.get("nameKana"), hiragana, '\\'),
							cb.like(cb.lower(root.get("email")), like, '\\')));
				}
			}
			if (this.department != null && !this.department.isBlank()) {
				predicates.add(cb.equal(root.join("department", JoinType.INNER).get("code"), this.department));
			}
			if (this.rank != null) {
				predicates.add(cb.equal(root.get("rank"), this.rank));
			}
			if (this.joinedFrom != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("joinYear"), this.joinedFrom));
			}
			if (this.joinedTo != null) {
				predicates.add(cb.lessThanOrEqualTo(root.get("joinYear"), this.joinedTo));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

	private static String escape(String term) {
		return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
