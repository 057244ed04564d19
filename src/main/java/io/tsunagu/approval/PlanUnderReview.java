package io.tsunagu.approval;

import java.util.Set;

/**
 * What the approval chain needs to know of a submitted plan: which revision, who organises it (they
 * never sign it off) and who submitted it.
 */
public record PlanUnderReview(long planId, int revision, String title, long leadId, Set<Long> organiserIds,
		long submittedById) {

	public PlanUnderReview {
		organiserIds = Set.copyOf(organiserIds);
		if (!organiserIds.contains(leadId)) {
			throw new IllegalArgumentException("The lead organiser is one of the organisers");
		}
	}

}
