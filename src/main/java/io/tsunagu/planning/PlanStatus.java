package io.tsunagu.planning;

/**
 * Where an event plan is in its life: drafted, signed off from the top down, then run.
 */
public enum PlanStatus {

	DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED, INVITING, HELD, CLOSED, CANCELLED;

	/** Whether the organisers may change the plan's details and team. */
	public boolean isEditable() {
		return this == DRAFT || this == CHANGES_REQUESTED;
	}

	/** Whether invitations may go out: only once the plan is approved, and until the event is held. */
	public boolean allowsInviting() {
		return this == APPROVED || this == INVITING;
	}

	/**
	 * Whether the organisers may move the event's time or place: once approved, without a new round,
	 * until it is held.
	 */
	public boolean isReschedulable() {
		return this == APPROVED || this == INVITING;
	}

	/** Whether preparation (tasks and helpers) still goes on. */
	public boolean isPreparing() {
		return this != REJECTED && this != HELD && this != CLOSED && this != CANCELLED;
	}

}
