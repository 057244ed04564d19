package io.tsunagu.invitations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audience.AudiencePreview;
import io.tsunagu.audience.Audiences;
import io.tsunagu.audience.Segment;
import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.PlanKind;
import io.tsunagu.planning.PlannedEvent;

/**
 * The second wave: after the personal invitations, an announcement to an audience chosen by department,
 * rank and join year, leaving out everyone already invited. Each recipient learns how many have said
 * yes, and how many of them from their own department.
 */
@Service
@Transactional
class Broadcasts {

	private final Waves waves;

	private final Invitations invitations;

	private final OrganisedEvents organised;

	private final Audiences audiences;

	private final Attendances attendances;

	private final Directory directory;

	private final InvitationMails mails;

	private final Outbox outbox;

	private final AuditLog audit;

	private final Clock clock;

	private final InvitationMetrics metrics;

	Broadcasts(Waves waves, Invitations invitations, OrganisedEvents organised, Audiences audiences,
			Attendances attendances, Directory directory, InvitationMails mails, Outbox outbox,
			AuditLog audit, Clock clock, InvitationMetrics metrics) {
		this.metrics = metrics;
		this.waves = waves;
		this.invitations = invitations;
		this.organised = organised;
		this.audiences = audiences;
		this.attendances = attendances;
		this.directory = directory;
		this.mails = mails;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	/** The broadcast page, its form prefilled with the audience that suits the kind of event. */
	@Transactional(readOnly = true)
	BroadcastPage page(long planId, long organiserId) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		return page(event, BroadcastForm.of(defaultSegment(event)), null);
	}

	/** The broadcast page as the organiser filled it in, without a preview: after a refusal, say. */
	@Transactional(readOnly = true)
	BroadcastPage page(long planId, long organiserId, BroadcastForm form) {
		return page(this.organised.by(planId, organiserId), form, null);
	}

	/**
	 * The broadcast page with how many the segment reaches and some of them; nothing changes.
	 * @throws InvitationRefused before approval or the personal wave, or for join years that are not a range
	 */
	@Transactional(readOnly = true)
	BroadcastPage preview(long planId, long organiserId, BroadcastForm form) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		InvitationWave.requireBroadcastable(event, personalWaveSent(planId));
		AudiencePreview preview = this.audiences.preview(segment(form, this.directory.departmentsByCode()),
				leftOut(event));
		return page(event, form, preview);
	}

	/**
	 * Announces the event to everyone in the segment not yet invited, each with an invitation and a link of
	 * their own, and a mail that says how many already said yes, and how many of them from the recipient's
	 * department, in this transaction. Someone whose address or data cannot go into a mail is left out
	 * and named in the outcome with the reason; everyone else is invited.
	 * @return how many were invited, and who could not be reached
	 * @throws InvitationRefused before approval or the personal wave, without an announcement, when the
	 * segment reaches nobody, or when it no longer reaches the number of people the organiser confirmed
	 */
	WaveOutcome send(long planId, long organiserId, String actor, BroadcastForm form) {
		PlannedEvent event = this.organised.forInviting(planId, organiserId);
		Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
		Segment segment = segment(form, departments);
		InvitationWave wave = InvitationWave.broadcast(event, organiserId, personalWaveSent(planId), segment,
				form.message(), this.clock.instant());
		// The plan's lock (forInviting) makes a second announcement wait until the first is committed; it
		// then reads the audience afresh, without those the first has just invited.
		this.waves.saveAndFlush(wave);
		List<EmployeeRef> members = this.audiences.members(segment, leftOut(event));
		if (members.isEmpty()) {
			throw new InvitationRefused("broadcast.refused.nobody");
		}
		if (form.expected() == null || form.expected() != members.size()) {
			throw new InvitationRefused("broadcast.refused.changed");
		}
		Attendance attendance = this.attendances.of(planId);
		Map<Long, EmployeeRef> refs = this.directory.findAllById(event.organiserIds());
		List<EmployeeRef> organisers = OrganisedEvents.organisers(event, refs);
		List<WaveOutcome.Unreached> unreached = new ArrayList<>();
		for (EmployeeRef member : members) {
			Invitation invitation = Invitation.announcement(wave, member.id(), this.clock.instant());
			DepartmentRef department = departments.get(member.departmentCode());
			Map<String, Object> counts = Map.of("attending", attendance.total(), "fromDepartment",
					attendance.from(member.departmentCode()), "department",
					department == null ? member.departmentCode() : department.displayName(member.locale()));
			try {
				invitation.send(this.clock.instant());
				this.invitations.save(invitation);
				this.outbox.queue(this.mails.invitation("announcement", counts, event, wave, organisers, invitation, member));
			}
			catch (InvitationMails.CannotReach cannot) {
				// Nothing else refers to it yet: no link was issued and no mail queued.
				this.invitations.delete(invitation);
				unreached.add(WaveOutcome.Unreached.of(member.id(), member, cannot.reason()));
			}
		}
		wave.markSent(event, this.clock.instant());
		WaveOutcome outcome = new WaveOutcome(members.size() - unreached.size(), unreached);
		this.audit.record(actor, "invitation.wave.broadcast", "plan " + planId, outcome.describe("announced"));
		this.metrics.sent(InvitationWave.Kind.BROADCAST, outcome.invited());
		return outcome;
	}

	private BroadcastPage page(PlannedEvent event, BroadcastForm form, AudiencePreview preview) {
		String blocked = null;
		try {
			InvitationWave.requireBroadcastable(event, personalWaveSent(event.id()));
		}
		catch (InvitationRefused refused) {
			blocked = refused.messageKey();
		}
		Map<Long, Long> invited = new HashMap<>();
		this.invitations.funnel(event.id()).forEach(f -> invited.put(f.waveId(), f.invited()));
		List<BroadcastPage.Sent> sent = this.waves.findByPlanIdOrderById(event.id())
			.stream()
			.filter(w -> w.getKind() == InvitationWave.Kind.BROADCAST && w.getStatus() == InvitationWave.Status.SENT)
			.map(w -> new BroadcastPage.Sent(w, w.getSegment(), invited.getOrDefault(w.getId(), 0L)))
			.toList();
		return new BroadcastPage(event, blocked, this.directory.departments(), form, preview, sent);
	}

	/**
	 * Who an announcement suits by default: a cohort meetup (同期会) reaches those who joined within a
	 * few years of the lead organiser, a company trip shares management's thinking with the executive and
	 * the officers, anything else goes to everyone.
	 */
	private Segment defaultSegment(PlannedEvent event) {
		return switch (PlanKind.valueOf(event.kind())) {
			case COHORT_MEETUP -> this.directory.findById(event.leadId())
				.map(lead -> Segment.cohortAround(lead.joinYear()))
				.orElseGet(Segment::everyone);
			case COMPANY_TRIP -> Segment.management();
			default -> Segment.everyone();
		};
	}

	/** Who an announcement leaves out: everyone already invited, by any wave or still on a list, and the organisers. */
	private Set<Long> leftOut(PlannedEvent event) {
		Set<Long> ids = new LinkedHashSet<>(this.invitations.employeeIdsByPlanId(event.id()));
		ids.addAll(event.organiserIds());
		return ids;
	}

	/**
	 * The segment the form describes.
	 * @throws InvitationRefused for join years that are not a range, or a department that does not exist
	 */
	private static Segment segment(BroadcastForm form, Map<String, DepartmentRef> departments) {
		Segment segment = form.segment();
		if (!departments.keySet().containsAll(segment.departmentCodes())) {
			throw new InvitationRefused("broadcast.refused.department");
		}
		return segment;
	}

	private boolean personalWaveSent(long planId) {
		return this.waves.existsByPlanIdAndKindAndStatus(planId, InvitationWave.Kind.PERSONAL,
				InvitationWave.Status.SENT);
	}

}
