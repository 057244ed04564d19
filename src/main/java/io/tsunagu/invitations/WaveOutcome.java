package io.tsunagu.invitations;

import java.io.Serializable;
import java.util.List;

/**
 * What sending a wave came to: how many were invited, and who could not be reached and why (a message
 * key of {@code invitations.unreachable.*}); one person's data never stops the others' invitations.
 */
record WaveOutcome(int invited, List<Unreached> unreached) {

	WaveOutcome {
		unreached = List.copyOf(unreached);
	}

	/** Someone the wave could not reach: who, and the message key that says why. Kept in the session as a flash. */
	record Unreached(String name, String email, String reason) implements Serializable {
	}

}
