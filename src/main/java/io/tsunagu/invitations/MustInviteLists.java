package io.tsunagu.invitations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;

/**
 * The must-invite list of an event's personal wave, for the pages of other modules that put someone on it
 * in one click (the suggestions of whom to invite, a person not seen for a while in my network).
 */
@Service
@Transactional
public class MustInviteLists {

	private final InvitationWaves waves;

	private final OrganisedEvents organised;

	private final Directory directory;

	MustInviteLists(InvitationWaves waves, OrganisedEvents organised, Directory directory) {
		this.waves = waves;
		this.organised = organised;
		this.directory = directory;
	}

	/**
	 * Puts someone on the must-invite list of the personal wave being written, as the organiser would
	 * from the invitations page; audited there.
	 * @return the name of the person added
	 * @throws Refused with a message key when the event does not take invitations yet, or the person is
	 * unknown, no longer on the org chart, one of its organisers or already invited or on the list; nothing
	 * changes then
	 * @throws RuntimeException answered 404 when the plan does not exist or is not this organiser's
	 */
	public String add(long planId, long organiserId, String actor, long employeeId) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		if (!event.status().allowsInviting()) {
			throw new Refused("invitations.refused.notApproved");
		}
		EmployeeRef person = this.directory.findById(employeeId).orElseThrow(() -> new Refused("invitations.mustInvite.unknown"));
		if (!this.directory.isActive(employeeId)) {
			throw new Refused("invitations.mustInvite.inactive");
		}
		if (event.isOrganisedBy(employeeId)) {
			throw new Refused("invitations.mustInvite.organiser");
		}
		try {
			return this.waves.add(planId, organiserId, actor, person.id()).name();
		}
		catch (InvitationRefused refused) {
			throw new Refused(refused.messageKey());
		}
	}

	/** Someone could not be put on the list; carries the message key that says why. */
	public static class Refused extends RuntimeException {

		private final String messageKey;

		Refused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

}
