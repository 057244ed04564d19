package io.tsunagu.audience;

import java.util.EnumSet;
import java.util.Set;

import io.tsunagu.directory.EmployeeFilter;
import io.tsunagu.directory.Rank;

/**
 * Who an announcement goes to: departments, ranks and a join-year range; left empty, any. A message
 * lands when it fits its audience, so the defaults follow the kind of event.
 */
public record Segment(Set<String> departmentCodes, Set<Rank> ranks, Integer joinedFrom, Integer joinedTo) {

	/** How far around the organiser's join year a cohort meetup reaches by default. */
	public static final int COHORT_SPAN = 3;

	public Segment {
		departmentCodes = departmentCodes == null ? Set.of() : Set.copyOf(departmentCodes);
		ranks = ranks == null ? Set.of() : Set.copyOf(ranks);
		new EmployeeFilter(departmentCodes, ranks, joinedFrom, joinedTo);
	}

	/** A cohort meetup (同期会): everyone who joined within three years of the organiser. */
	public static Segment cohortAround(int joinYear) {
		return new Segment(Set.of(), Set.of(), joinYear - COHORT_SPAN, joinYear + COHORT_SPAN);
	}

	/** A company trip that shares management's thinking: the executive and the officers. */
	public static Segment management() {
		return new Segment(Set.of(), EnumSet.of(Rank.EXECUTIVE, Rank.OFFICER), null, null);
	}

	/** The whole company. */
	public static Segment everyone() {
		return new Segment(Set.of(), Set.of(), null, null);
	}

	EmployeeFilter filter() {
		return new EmployeeFilter(this.departmentCodes, this.ranks, this.joinedFrom, this.joinedTo);
	}

}
