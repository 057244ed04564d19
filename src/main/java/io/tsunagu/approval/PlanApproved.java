package io.tsunagu.approval;

import java.time.Instant;

/**
 * The last step of a plan's approval chain approved the given revision of the plan.
 */
public record PlanApproved(long planId, int revision, int round, Instant approvedAt) {
}
