package io.tsunagu.invitations;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

import io.tsunagu.directory.EmployeeRef;

/**
 * What sending a wave came to: how many were invited, and who could not be reached and why (a message
 * key of {@code invitations.unreachable.*}); one person's data never stops the others' invitations.
 */
record WaveOutcome(int invited, List<Unreached> unreached) {

	WaveOutcome {
		unreached = List.copyOf(unreached);
	}

	/** For the audit log: how many, and the addresses of those not reached. */
	String describe(String what) {
		return this.invited + " " + what + (this.unreached.isEmpty() ? ""
				: ", not reached: " + this.unreached.stream()
					.map(u -> u.email().isEmpty() ? u.name() : u.email())
					.collect(Collectors.joining(", ")));
	}

	/** Someone the wave could not reach: who, and the message key that says why. Kept in the session as a flash. */
	record Unreached(String name, String email, String reason) implements Serializable {

		/** The person, or only their number when the directory no longer has them. */
		static Unreached of(long employeeId, EmployeeRef person, String reason) {
			return person == null ? new Unreached("#" + employeeId, "", reason)
					: new Unreached(person.name(), person.email(), reason);
		}

	}

}
