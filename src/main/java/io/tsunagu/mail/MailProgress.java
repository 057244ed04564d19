package io.tsunagu.mail;

import java.util.List;

/**
 * How far the sending of one batch has come: of {@code total} messages, how many were sent, given up
 * ({@code failed}), are queued again after a failed attempt ({@code retrying}), were being sent by an
 * instance that stopped and wait to be taken over ({@code interrupted}) or wait for their first attempt
 * ({@code waiting}), and to whom the first {@value #NAMED_FAILURES} given-up messages were addressed.
 */
public record MailProgress(long total, long sent, long failed, long retrying, long interrupted, long waiting,
		List<Recipient> failures) {

	/** How many given-up recipients are named; a page lists them for the sender to follow up, not thousands. */
	public static final int NAMED_FAILURES = 50;

	public MailProgress {
		failures = List.copyOf(failures);
	}

	/** Nothing left to send: every message was sent or given up. */
	public boolean isDone() {
		return this.retrying == 0 && this.interrupted == 0 && this.waiting == 0;
	}

	/** Given-up recipients beyond those named. */
	public long unnamedFailures() {
		return this.failed - this.failures.size();
	}

	/**
	 * The counts in a few characters, so that a page can ask whether anything changed since it looked;
	 * messages waiting to be taken over are counted only while there are any.
	 */
	public String state() {
		String state = this.sent + "-" + this.failed + "-" + this.retrying + "-" + this.waiting;
		return this.interrupted == 0 ? state : state + "-" + this.interrupted;
	}

	/** Whom a message was addressed to; the name may be missing. */
	public record Recipient(String email, String name) {
	}

}
