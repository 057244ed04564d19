package io.tsunagu.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The audit page's filters: who, what, and from which day to which day (in the company's zone).
 */
record AuditSearch(String actor, String action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Integer page) {

	static final int PAGE_SIZE = 50;

	Pageable pageable() {
		return PageRequest.of(this.page == null || this.page < 0 ? 0 : this.page, PAGE_SIZE,
				Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
	}

	Specification<AuditEntry> specification(ZoneId zone) {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (this.actor != null && !this.actor.isBlank()) {
				predicates.add(cb.like(cb.lower(root.get("actor")), "%" + this.actor.trim().toLowerCase(Locale.ROOT) + "%"));
			}
			if (this.action != null && !this.action.isBlank()) {
				predicates.add(cb.equal(root.get("action"), this.action));
			}
			if (this.from != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), this.from.atStartOfDay(zone).toInstant()));
			}
			if (this.to != null) {
				predicates.add(cb.lessThan(root.get("occurredAt"), this.to.plusDays(1).atStartOfDay(zone).toInstant()));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

}
