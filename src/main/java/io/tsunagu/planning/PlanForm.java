package io.tsunagu.planning;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The plan form. Start, end and RSVP deadline are wall-clock times in the plan's zone, as a
 * {@code datetime-local} field sends them.
 */
record PlanForm(
		@NotBlank(message = "{plan.title.required}") @Size(max = 120, message = "{plan.title.size}") String title,
		@NotNull(message = "{plan.kind.required}") PlanKind kind,
		@NotBlank(message = "{plan.purpose.required}") @Size(max = 2000, message = "{plan.purpose.size}") String purpose,
		@Size(max = 500, message = "{plan.audience.size}") String audience,
		@NotNull(message = "{plan.startsAt.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime startsAt,
		@NotNull(message = "{plan.endsAt.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime endsAt,
		@NotBlank(message = "{plan.zone.required}") String zone,
		@Size(max = 200, message = "{plan.venue.size}") String venue,
		@Size(max = 500, message = "{plan.onlineLink.size}") @Pattern(regexp = "^$|^https?://\\S+$", message = "{plan.onlineLink.url}") String onlineLink,
		@NotNull(message = "{plan.capacity.range}") @Min(value = 1, message = "{plan.capacity.range}") @Max(value = 10000, message = "{plan.capacity.range}") Integer capacity,
		@NotNull(message = "{plan.rsvpDeadline.required}") @DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = DATE_TIME_SECONDS) LocalDateTime rsvpDeadline,
		@Min(value = 0, message = "{plan.budget.range}") @Max(value = 1_000_000_000L, message = "{plan.budget.range}") Long budgetYen,
		Boolean guestsAllowed,
		@Size(max = 1000, message = "{plan.approverNote.size}") String approverNote) implements TimeAndPlaceFields {

	static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

	static final String DATE_TIME_SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

	/** The zones a plan may be in; the company's own comes first. */
	static final List<String> ZONES = List.of("Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Singapore",
			"Asia/Kolkata", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC");

	static PlanForm blank(ZoneId zone) {
		return new PlanForm(null, null, null, null, null, null, zone.getId(), null, null, null, null, null, false, null);
	}

	/** The plan as it is; a next edition's placeholder dates are left empty, for the organisers to pick. */
	static PlanForm of(EventPlan plan) {
		ZoneId zone = plan.getZone();
		boolean pick = plan.isDateToPick();
		return new PlanForm(plan.getTitle(), plan.getKind(), plan.getPurpose(), plan.getAudience(),
				pick ? null : LocalDateTime.ofInstant(plan.getStartsAt(), zone),
				pick ? null : LocalDateTime.ofInstant(plan.getEndsAt(), zone), zone.getId(), plan.getVenue(),
				plan.getOnlineLink(), plan.getCapacity(), pick ? null : LocalDateTime.ofInstant(plan.getRsvpDeadline(), zone),
				plan.getBudgetYen(), plan.isGuestsAllowed(), plan.getApproverNote());
	}

	@AssertTrue(message = "{plan.zone.unknown}")
	public boolean isZoneKnown() {
		return this.zone == null || this.zone.isBlank() || ZONES.contains(this.zone);
	}

	PlanDetails toDetails() {
		ZoneId planZone = ZoneId.of(this.zone);
		return new PlanDetails(this.title, this.kind, this.purpose, this.audience, this.startsAt.atZone(planZone).toInstant(),
				this.endsAt.atZone(planZone).toInstant(), planZone, this.venue, this.onlineLink, this.capacity,
				this.rsvpDeadline.atZone(planZone).toInstant(), this.budgetYen, Boolean.TRUE.equals(this.guestsAllowed),
				this.approverNote);
	}

}
