package io.tsunagu.approval;

import java.time.Instant;

/**
 * An approver sent the given revision of a plan back to its organisers with a comment.
 */
public record PlanChangesRequested(long planId, int revision, int round, String comment, Instant requestedAt) {
}
