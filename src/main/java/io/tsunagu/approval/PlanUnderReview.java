package io.tsunagu.approval;

import java.time.Instant;
import java.util.Set;

/**
 * What the approval chain needs to know of a submitted plan: which revision, who organises it (they
 * never sign it off), who submitted it, and when it starts and stops taking answers (a plan past either is
 * not approved).
 */
public record PlanUnderReview(long planId, int revision, String title, long leadId, Set<Long> organiserIds,
		long submittedById, Instant startsAt, Instant rsvpDeadline) {

	public PlanUnderReview {
		organiserIds = Set.copyOf(organiserIds);
		if (startsAt == null || rsvpDeadline == null) {
			throw new IllegalArgumentException("A plan under review has a start and an RSVP deadline");
		}
		if (!organiserIds.contains(leadId)) {
			throw new IllegalArgumentException("The lead organiser is one of the organisers");
		}
	}

}
