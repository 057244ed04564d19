package io.tsunagu.approval;

import java.util.Locale;
import java.util.Optional;

/**
 * What an approver reads of a plan: the planning module answers it, so that the approval mails and
 * the decision page show the plan without this module depending on planning.
 */
public interface PlanSummaries {

	/** The plan as it is now, its departments named in the reader's language; empty when there is no such plan. */
	Optional<PlanSummary> find(long planId, Locale reader);

}
