package io.tsunagu.attendance;

import java.time.Duration;
import java.time.Instant;

import io.tsunagu.planning.PlanStatus;
import io.tsunagu.planning.PlannedEvent;

/**
 * When people can be checked in at an event: from a few hours before it starts (the organisers set up,
 * early guests arrive) until the end of the day after it, in the event's zone (a late correction the
 * morning after). Never for an event that is cancelled or not yet approved.
 */
record CheckInWindow(Instant opens, Instant closes) {

	static final Duration BEFORE_START = Duration.ofHours(3);

	static CheckInWindow of(PlannedEvent event) {
		Instant closes = event.endsAt().atZone(event.zone()).toLocalDate().plusDays(2).atStartOfDay(event.zone()).toInstant();
		return new CheckInWindow(event.startsAt().minus(BEFORE_START), closes);
	}

	/** @throws CheckInRefused when the event takes no check-ins at this moment */
	static void check(PlannedEvent event, Instant now) {
		String refusal = refusal(event, now);
		if (refusal != null) {
			throw new CheckInRefused(refusal);
		}
	}

	/**
	 * Why the event takes no check-ins at this moment, as a message key, or null when it does; asked on
	 * every view of a plan's page, so without an exception.
	 */
	static String refusal(PlannedEvent event, Instant now) {
		if (event.status() == PlanStatus.CANCELLED) {
			return "attendance.refused.cancelled";
		}
		if (!takesCheckIns(event.status())) {
			return "attendance.refused.notApproved";
		}
		CheckInWindow window = of(event);
		if (now.isBefore(window.opens)) {
			return "attendance.refused.tooEarly";
		}
		if (!now.isBefore(window.closes)) {
			return "attendance.refused.closed";
		}
		return null;
	}

	boolean isOpenAt(Instant now) {
		return !now.isBefore(this.opens) && now.isBefore(this.closes);
	}

	private static boolean takesCheckIns(PlanStatus status) {
		return status == PlanStatus.APPROVED || status == PlanStatus.INVITING || status == PlanStatus.HELD;
	}

}
