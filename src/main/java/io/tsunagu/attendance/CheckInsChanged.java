package io.tsunagu.attendance;

/**
 * Someone was checked in to an event or a check-in was undone; published in the transaction that made
 * the change, so that what is derived from who came is corrected with it.
 */
public record CheckInsChanged(long planId, Change change) {

	/** What the tap did. */
	public enum Change {

		CHECK_IN, WALK_IN, UNDO

	}

}
