package io.tsunagu.invitations;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/** The events behind the organisers' invitation pages, for their organisers only. */
@Component
class OrganisedEvents {

	private final Plans plans;

	OrganisedEvents(Plans plans) {
		this.plans = plans;
	}

	/**
	 * The event, for one of its organisers.
	 * @throws InvitationNotFound when there is no such plan
	 * @throws AccessDeniedException for everyone but its organisers
	 */
	PlannedEvent by(long planId, long employeeId) {
		PlannedEvent event = this.plans.event(planId).orElseThrow(InvitationNotFound::new);
		if (!event.isOrganisedBy(employeeId)) {
			throw new AccessDeniedException("Employee " + employeeId + " does not organise plan " + planId);
		}
		return event;
	}

}
