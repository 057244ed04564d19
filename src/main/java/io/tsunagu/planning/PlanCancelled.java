package io.tsunagu.planning;

import java.time.Instant;

/**
 * The organisers called an event off before it was held; everyone still expected should hear of it.
 */
public record PlanCancelled(long planId, Instant cancelledAt) {
}
