package io.tsunagu.invitations;

import java.time.Instant;

/**
 * How one wave did: invited, opened the page, answered, and how the answers split. What counts is who
 * comes, not how many were told.
 */
record WaveFunnel(long waveId, InvitationWave.Kind kind, Instant sentAt, long invited, long opened, long answered,
		long attending, long waitlisted, long declined) {

	/** Answered as a share of invited, in whole percent. */
	public long responseRate() {
		return this.invited == 0 ? 0 : Math.round(100.0 * this.answered / this.invited);
	}

}
