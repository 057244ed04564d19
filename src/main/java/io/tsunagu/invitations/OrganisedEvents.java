package io.tsunagu.invitations;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import io.tsunagu.directory.EmployeeRef;
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
	 * @throws InvitationNotFound when there is no such plan, and for everyone but its organisers: to them it
	 * answers as for a plan that does not exist, so that plan ids cannot be probed
	 */
	PlannedEvent by(long planId, long employeeId) {
		return organisedBy(this.plans.event(planId).orElseThrow(InvitationNotFound::new), employeeId);
	}

	/**
	 * The event, for one of its organisers about to send invitations, its plan locked until the
	 * transaction ends, so that a move or cancellation of the event waits for the invitations or
	 * comes before them. The first thing the transaction reads of the plan.
	 */
	PlannedEvent forInviting(long planId, long employeeId) {
		return organisedBy(this.plans.lockForInviting(planId).orElseThrow(InvitationNotFound::new), employeeId);
	}

	/** The event's organisers among the people the directory found, the lead first. */
	static List<EmployeeRef> organisers(PlannedEvent event, Map<Long, EmployeeRef> people) {
		return event.organiserIds().stream().map(people::get).filter(Objects::nonNull).toList();
	}

	private static PlannedEvent organisedBy(PlannedEvent event, long employeeId) {
		if (!event.isOrganisedBy(employeeId)) {
			throw new InvitationNotFound();
		}
		return event;
	}

}
