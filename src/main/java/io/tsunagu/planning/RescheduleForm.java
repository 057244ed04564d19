package io.tsunagu.planning;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import static io.tsunagu.planning.PlanForm.DATE_TIME;
import static io.tsunagu.planning.PlanForm.DATE_TIME_SECONDS;

/**
 * The form that moves an approved event: its time and place, with the plan form's messages. Times are
 * wall-clock times in the plan's zone, which does not change.
 */
record RescheduleForm(
		@NotNull(message = "{plan.startsAt.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime startsAt,
		@NotNull(message = "{plan.endsAt.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime endsAt,
		@NotNull(message = "{plan.rsvpDeadline.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime rsvpDeadline,
		@Size(max = 200, message = "{plan.venue.size}") String venue,
		@Size(max = 500, message = "{plan.onlineLink.size}") @Pattern(regexp = "^$|^https?://\\S+$", message = "{plan.onlineLink.url}") String onlineLink)
		implements TimeAndPlaceFields {

	static RescheduleForm of(TimeAndPlace current) {
		return new RescheduleForm(current.startsAt(), current.endsAt(), current.rsvpDeadline(), current.venue(),
				current.onlineLink());
	}

	TimeAndPlace toTimeAndPlace() {
		return new TimeAndPlace(this.startsAt, this.endsAt, this.rsvpDeadline, this.venue, this.onlineLink);
	}

}
