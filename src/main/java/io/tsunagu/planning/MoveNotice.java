package io.tsunagu.planning;

/**
 * What the organisers add to the mail about a move: an optional reason, shown as written, and whether
 * those who declined hear of it too (the new date may suit them).
 */
record MoveNotice(String reason, boolean alsoDeclined) {

	static final int MAX_REASON = 500;

	static final MoveNotice NONE = new MoveNotice(null, false);

	/** @throws IllegalPlanChange when the reason is longer than the mail gives it room for */
	MoveNotice {
		reason = reason == null || reason.isBlank() ? null : reason.strip();
		if (reason != null && reason.length() > MAX_REASON) {
			throw new IllegalPlanChange("plan.reschedule.reason.size");
		}
	}

}
