package io.tsunagu.approval;

/**
 * Where a step of an approval chain stands.
 */
public enum StepState {

	/** Not reached yet. */
	WAITING,
	/** Waiting for its approver's decision; one step of a round at a time. */
	OPEN, APPROVED, CHANGES_REQUESTED, REJECTED,
	/** Not asked, because the same person already signs off at an earlier step of the round. */
	SKIPPED,
	/** Not reached, because the round ended before it. */
	CANCELLED;

	public boolean isDecided() {
		return this == APPROVED || this == CHANGES_REQUESTED || this == REJECTED;
	}

}
