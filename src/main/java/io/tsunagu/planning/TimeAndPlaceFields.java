package io.tsunagu.planning;

import java.time.LocalDateTime;

import jakarta.validation.constraints.AssertTrue;

/**
 * The rules across the time and place fields, shared by the plan form and the form that moves an
 * approved event, so both show the same errors beside the same fields.
 */
interface TimeAndPlaceFields {

	LocalDateTime startsAt();

	LocalDateTime endsAt();

	LocalDateTime rsvpDeadline();

	String venue();

	String onlineLink();

	@AssertTrue(message = "{plan.endsAt.afterStart}")
	default boolean isEndAfterStart() {
		return startsAt() == null || endsAt() == null || endsAt().isAfter(startsAt());
	}

	@AssertTrue(message = "{plan.rsvpDeadline.beforeStart}")
	default boolean isDeadlineBeforeStart() {
		return startsAt() == null || rsvpDeadline() == null || rsvpDeadline().isBefore(startsAt());
	}

	@AssertTrue(message = "{plan.place.required}")
	default boolean isPlaceGiven() {
		return (venue() != null && !venue().isBlank()) || (onlineLink() != null && !onlineLink().isBlank());
	}

}
