package io.tsunagu.planning;

import java.time.Instant;

/**
 * The organisers moved an approved event to another time or place; everyone still expected should hear
 * of it, with a calendar update at the new sequence, and those who declined too when the organisers chose
 * so. Carries where and when it was before, and the organisers' reason (or null).
 */
public record PlanRescheduled(long planId, int sequence, Instant previousStartsAt, Instant previousEndsAt,
		String previousVenue, String previousOnlineLink, String reason, boolean alsoDeclined) {
}
