package io.tsunagu.approval;

/**
 * What an approver can decide on a step.
 */
public enum DecisionKind {

	APPROVE, REQUEST_CHANGES, REJECT;

	/** Asking for changes and rejecting say why; an approval's direction is optional. */
	public boolean needsComment() {
		return this != APPROVE;
	}

}
