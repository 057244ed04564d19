package io.tsunagu.attendance;

import java.util.Optional;
import java.util.UUID;

/**
 * A tap on a person at the door, as a phone sends it: what the organiser meant (never a toggle, so that
 * a tap sent again, or two organisers tapping, cannot turn a check-in back), and the key the phone gave it.
 */
record Tap(Long employeeId, Intent intent, UUID tapKey) {

	enum Intent {

		CHECK_IN, UNDO

	}

	/**
	 * @return the person's check-in after the tap
	 * @throws CheckInRefused as the door refuses, or for a tap that does not say whom or what it means
	 */
	Optional<Came> applyTo(CheckIns checkIns, long planId, long organiserId) {
		if (this.employeeId == null || this.intent == null) {
			checkIns.door(planId, organiserId);
			throw new CheckInRefused("attendance.refused.badTap");
		}
		return this.intent == Intent.UNDO ? checkIns.undo(planId, this.employeeId, organiserId, this.tapKey)
				: checkIns.checkIn(planId, this.employeeId, organiserId, this.tapKey);
	}

}
