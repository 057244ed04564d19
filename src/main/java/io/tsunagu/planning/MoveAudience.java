package io.tsunagu.planning;

/**
 * Who a move of an event would reach, asked before the organisers confirm it. The invitations module
 * knows who was invited and answers; planning only asks.
 */
public interface MoveAudience {

	/** How many invitees the mail about a move reaches: those still expected, and those who declined. */
	Reach of(long planId);

	/** Invitees still expected (not answered, attending or waiting), and those who declined. */
	record Reach(long expected, long declined) {

		public long mailed(boolean alsoDeclined) {
			return alsoDeclined ? this.expected + this.declined : this.expected;
		}

	}

}
