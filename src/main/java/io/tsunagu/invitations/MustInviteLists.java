package io.tsunagu.invitations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The must-invite list of an event's personal wave, for other modules that help an organiser fill it (the
 * people not seen for a while in their network, the suggestions): the same rules as the invitations page.
 */
@Service
@Transactional
public class MustInviteLists {

	private final InvitationWaves waves;

	MustInviteLists(InvitationWaves waves) {
		this.waves = waves;
	}

	/**
	 * Puts someone on the must-invite list of the personal wave being written, as the invitations page does.
	 * @return the name of the person added
	 * @throws Refused when the rules do not allow it (the plan is not approved, the person is invited already)
	 * @throws RuntimeException answered with 404 when there is no such plan or person, or the event is not
	 * organised by this organiser
	 */
	public String add(long planId, long organiserId, String actor, long employeeId) {
		try {
			return this.waves.add(planId, organiserId, actor, employeeId).name();
		}
		catch (InvitationRefused refused) {
			throw new Refused(refused.messageKey());
		}
	}

	/** A step the invitation rules do not allow, with the message key that says why. */
	public static final class Refused extends RuntimeException {

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
