package io.tsunagu.invitations;

import java.util.Optional;
import java.util.Set;

/**
 * Who of an event's invitees came, for the last step of the organiser's funnel. The attendance module
 * knows it; the invitations only count.
 */
public interface InviteesWhoCame {

	/**
	 * The employees checked in at this event as expected guests (walk-ins left out); empty before the
	 * event's check-in opened, when nobody can have come yet.
	 */
	Optional<Set<Long>> checkedIn(long planId);

}
