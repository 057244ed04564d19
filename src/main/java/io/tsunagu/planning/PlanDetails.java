package io.tsunagu.planning;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a plan says about its event. Validates the rules that hold whoever builds one (the form checks
 * the same rules first, to show them beside the fields).
 */
record PlanDetails(String title, PlanKind kind, String purpose, String audience, Instant startsAt, Instant endsAt,
		ZoneId zone, String venue, String onlineLink, int capacity, Instant rsvpDeadline, Long budgetYen,
		boolean guestsAllowed, String approverNote) {

	static final int MIN_CAPACITY = 1;

	static final int MAX_CAPACITY = 10_000;

	PlanDetails {
		require(title != null && !title.isBlank(), "A plan needs a title");
		require(kind != null, "A plan needs a kind");
		require(purpose != null && !purpose.isBlank(), "A plan needs a purpose");
		require(startsAt != null && endsAt != null && endsAt.isAfter(startsAt), "A plan ends after it starts");
		require(rsvpDeadline != null && rsvpDeadline.isBefore(startsAt), "The RSVP deadline comes before the start");
		require(capacity >= MIN_CAPACITY && capacity <= MAX_CAPACITY, "Capacity is between 1 and 10,000");
		require(budgetYen == null || budgetYen >= 0, "A budget is not negative");
		require(hasText(venue) || hasText(onlineLink), "A plan needs a venue or an online link");
		zone = zone == null ? ZoneId.of("Asia/Tokyo") : zone;
		title = title.strip();
		purpose = purpose.strip();
		audience = blankToNull(audience);
		venue = blankToNull(venue);
		onlineLink = blankToNull(onlineLink);
		approverNote = blankToNull(approverNote);
	}

	/** The same plan at another time or place; the rules above hold for the result. */
	PlanDetails movedTo(Instant newStartsAt, Instant newEndsAt, Instant newRsvpDeadline, String newVenue,
			String newOnlineLink) {
		return new PlanDetails(this.title, this.kind, this.purpose, this.audience, newStartsAt, newEndsAt, this.zone,
				newVenue, newOnlineLink, this.capacity, newRsvpDeadline, this.budgetYen, this.guestsAllowed,
				this.approverNote);
	}

	private static void require(boolean rule, String message) {
		if (!rule) {
			throw new IllegalArgumentException(message);
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static String blankToNull(String value) {
		return hasText(value) ? value.strip() : null;
	}

}
