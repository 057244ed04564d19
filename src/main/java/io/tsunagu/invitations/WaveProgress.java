package io.tsunagu.invitations;

import java.time.Instant;

import io.tsunagu.mail.MailProgress;

/**
 * How the mail of one sent wave is going out, for the organiser's page and the block it polls.
 */
record WaveProgress(long planId, long waveId, InvitationWave.Kind kind, Instant sentAt, MailProgress mail) {

	/**
	 * Whether the outbox knows the wave's mail: waves sent before mail had batches, and waves whose sent
	 * mail the retention has purged, have nothing to show.
	 */
	boolean isTracked() {
		return this.mail.total() > 0;
	}

	/** Whether the page that asks already shows these counts, so that nothing need be sent or read out again. */
	boolean isUnchangedSince(String shownState) {
		return this.mail.state().equals(shownState);
	}

}
