package io.tsunagu.network;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Directory;
import io.tsunagu.invitations.MustInviteLists;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * Meeting again someone not seen for a while: one of my ties goes on the must-invite list of one of my
 * events still to come, with the invitation rules of the invitations page.
 */
@Service
@Transactional
class Reconnections {

	private final MyNetwork network;

	private final Plans plans;

	private final Directory directory;

	private final MustInviteLists mustInvite;

	private final Clock clock;

	Reconnections(MyNetwork network, Plans plans, Directory directory, MustInviteLists mustInvite, Clock clock) {
		this.network = network;
		this.plans = plans;
		this.directory = directory;
		this.mustInvite = mustInvite;
		this.clock = clock;
	}

	/**
	 * Puts one of my ties on the must-invite list of my event.
	 * @return the person's name and the event's title, for the confirmation
	 * @throws NetworkNotFound when the plan does not exist or is not mine
	 * @throws NetworkRefused when the event is over or not open for invitations, the person is not one of my
	 * ties, or they are on its list already
	 */
	Added putOnMustInviteList(long me, String actor, long planId, long employeeId) {
		PlannedEvent event = this.plans.event(planId).filter(plan -> plan.isOrganisedBy(me)).orElseThrow(NetworkNotFound::new);
		if (!event.endsAt().isAfter(this.clock.instant()) || !event.status().isPreparing()) {
			throw new NetworkRefused("network.refused.planOver", event.title());
		}
		if (!event.status().allowsInviting()) {
			throw new NetworkRefused("network.refused.notApproved", event.title());
		}
		if (!this.directory.isActive(employeeId) || !this.network.isTiedTo(me, employeeId)) {
			throw new NetworkRefused("network.refused.unknownPerson");
		}
		try {
			return new Added(this.mustInvite.add(planId, me, actor, employeeId), event.title());
		}
		catch (MustInviteLists.Refused refused) {
			throw new NetworkRefused(refused.messageKey());
		}
	}

	/** Who went on which event's list. */
	record Added(String name, String title) {
	}

}
