package io.tsunagu.planning;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import static io.tsunagu.planning.PlanForm.DATE_TIME;
import static io.tsunagu.planning.PlanForm.DATE_TIME_SECONDS;

/**
 * The form that moves an approved event: its time and place, with the plan form's messages, and what the
 * mail about it adds (a reason, and whether those who declined hear of it too). Times are wall-clock
 * times in the plan's zone, which does not change.
 */
record RescheduleForm(
		@NotNull(message = "{plan.startsAt.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime startsAt,
		@NotNull(message = "{plan.endsAt.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime endsAt,
		@NotNull(message = "{plan.rsvpDeadline.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime rsvpDeadline,
		@Size(max = 200, message = "{plan.venue.size}") String venue,
		@Size(max = 500, message = "{plan.onlineLink.size}") @Pattern(regexp = "^$|^https?://\\S+$", message = "{plan.onlineLink.url}") String onlineLink,
		@Size(max = MoveNotice.MAX_REASON, message = "{plan.reschedule.reason.size}") String reason,
		Boolean alsoDeclined)
		implements TimeAndPlaceFields {

	static RescheduleForm of(TimeAndPlace current) {
		return new RescheduleForm(current.startsAt(), current.endsAt(), current.rsvpDeadline(), current.venue(),
				current.onlineLink(), null, false);
	}

	/** Unticked, or left out of the request, is no. */
	public boolean tellsDeclined() {
		return Boolean.TRUE.equals(this.alsoDeclined);
	}

	MoveNotice toNotice() {
		return new MoveNotice(this.reason, tellsDeclined());
	}

	TimeAndPlace toTimeAndPlace() {
		return new TimeAndPlace(this.startsAt, this.endsAt, this.rsvpDeadline, this.venue, this.onlineLink);
	}

}
