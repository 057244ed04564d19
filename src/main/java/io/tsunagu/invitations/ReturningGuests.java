package io.tsunagu.invitations;

import java.time.YearMonth;
import java.util.List;

/**
 * Who an event hosted again invites first: last time's people who came and those left on the waitlist.
 * Invitations do not know who came; the module that does implements this (none: nobody returns).
 */
public interface ReturningGuests {

	/** Last time's people for a next edition, those who came first; empty for any other event. */
	List<Guest> of(long planId);

	/**
	 * Someone from last time, with when they last came and to which event ({@code came}), or, for someone
	 * who never came, the event whose waitlist they were left on.
	 */
	record Guest(long employeeId, boolean came, String eventTitle, YearMonth when) {
	}

}
