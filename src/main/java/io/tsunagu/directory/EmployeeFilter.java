package io.tsunagu.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * Active employees by department, rank and join-year range; an empty set or a missing year means
 * "any".
 */
public record EmployeeFilter(Set<String> departmentCodes, Set<Rank> ranks, Integer joinedFrom, Integer joinedTo) {

	public EmployeeFilter {
		departmentCodes = departmentCodes == null ? Set.of() : Set.copyOf(departmentCodes);
		ranks = ranks == null ? Set.of() : Set.copyOf(ranks);
		if (joinedFrom != null && joinedTo != null && joinedFrom > joinedTo) {
			throw new IllegalArgumentException("The join-year range runs backwards: " + joinedFrom + "–" + joinedTo);
		}
	}

	Specification<Employee> specification(Collection<Long> excludedIds) {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			predicates.add(cb.isTrue(root.get("active")));
			if (!this.departmentCodes.isEmpty()) {
				predicates.add(root.join("department", JoinType.INNER).get("code").in(this.departmentCodes));
			}
			if (!this.ranks.isEmpty()) {
				predicates.add(root.get("rank").in(this.ranks));
			}
			if (this.joinedFrom != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("joinYear"), this.joinedFrom));
			}
			if (this.joinedTo != null) {
				predicates.add(cb.lessThanOrEqualTo(root.get("joinYear"), this.joinedTo));
			}
			if (!excludedIds.isEmpty()) {
				predicates.add(cb.not(root.get("id").in(excludedIds)));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

}
