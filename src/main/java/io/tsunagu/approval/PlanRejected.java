package io.tsunagu.approval;

import java.time.Instant;

/**
 * An approver rejected the given revision of a plan; the decision is final.
 */
public record PlanRejected(long planId, int revision, int round, String comment, Instant rejectedAt) {
}
