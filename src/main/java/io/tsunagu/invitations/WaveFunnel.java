package io.tsunagu.invitations;

import java.time.Instant;

/**
 * How one wave did: invited, opened the page, answered, how the answers split, and, once the event's
 * check-in has opened, how many of its invitees came (null before). What counts is who comes, not how
 * many were told.
 */
record WaveFunnel(long waveId, InvitationWave.Kind kind, Instant sentAt, long invited, long opened, long answered,
		long attending, long waitlisted, long declined, Long came) {

	/** As the query counts it, before anyone can have come. */
	WaveFunnel(long waveId, InvitationWave.Kind kind, Instant sentAt, long invited, long opened, long answered,
			long attending, long waitlisted, long declined) {
		this(waveId, kind, sentAt, invited, opened, answered, attending, waitlisted, declined, null);
	}

	/** Answered as a share of invited, in whole percent. */
	public long responseRate() {
		return this.invited == 0 ? 0 : Math.round(100.0 * this.answered / this.invited);
	}

	WaveFunnel withCame(long came) {
		return new WaveFunnel(this.waveId, this.kind, this.sentAt, this.invited, this.opened, this.answered,
				this.attending, this.waitlisted, this.declined, came);
	}

}
