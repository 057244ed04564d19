package io.tsunagu.invitations;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.audit.AuditLog;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * The organiser's side of invitations: the must-invite list of a personal wave, one message per
 * person checked before sending, and sending, which queues every mail in the same transaction; then
 * the seats, the reminders, the replies to declines and the list of attendees. The announcement to a
 * wider audience is {@link Broadcasts}.
 */
@Service
@Transactional
class InvitationWaves {

	static final int SEARCH_LIMIT = 20;

	/** How a spreadsheet reads a time, to the minute. */
	private static final DateTimeFormatter SPREADSHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Waves waves;

	private final Invitations invitations;

	private final OrganisedEvents organised;

	private final Plans plans;

	private final Directory directory;

	private final Outbox outbox;

	private final InvitationMails mails;

	private final AuditLog audit;

	private final Seats seats;

	private final Waitlist waitlist;

	private final InvitationReminders reminders;

	private final ReminderSchedules schedules;

	private final org.springframework.context.MessageSource messages;

	private final Clock clock;

	private final List<ReturningGuests> returning;

	private final Funnels funnels;

	private final InvitationMetrics metrics;

	InvitationWaves(Waves waves, Invitations invitations, OrganisedEvents organised, Plans plans, Directory directory,
			Outbox outbox, InvitationMails mails, AuditLog audit, Seats seats, Waitlist waitlist,
			InvitationReminders reminders, ReminderSchedules schedules,
			org.springframework.context.MessageSource messages, Clock clock, List<ReturningGuests> returning,
			Funnels funnels, InvitationMetrics metrics) {
		this.metrics = metrics;
		this.returning = returning;
		this.funnels = funnels;
		this.waves = waves;
		this.invitations = invitations;
		this.organised = organised;
		this.plans = plans;
		this.directory = directory;
		this.outbox = outbox;
		this.mails = mails;
		this.audit = audit;
		this.seats = seats;
		this.waitlist = waitlist;
		this.reminders = reminders;
		this.schedules = schedules;
		this.messages = messages;
		this.clock = clock;
	}

	/** The organiser's page, its list of invitations sent showing only those with this answer, or all. */
	@Transactional(readOnly = true)
	WavePage page(long planId, long organiserId, String query, Answer shown) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		List<Invitation> all = this.invitations.findByPlanIdOrderById(planId);
		Set<Long> people = new LinkedHashSet<>(event.organiserIds());
		all.forEach(i -> people.add(i.getEmployeeId()));
		Map<Long, EmployeeRef> refs = this.directory.findAllById(people);
		List<Invitation> drafts = all.stream().filter(i -> !i.isSent()).toList();
		List<MessageCheck.Draft> checks = drafts.stream()
			.map(i -> new MessageCheck.Draft(String.valueOf(i.getId()), name(refs, i.getEmployeeId()), i.getMessage()))
			.toList();
		Map<String, List<MessageCheck.Finding>> findings = new HashMap<>();
		MessageCheck.check(checks).forEach(f -> findings.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
		Map<Long, ReturningGuests.Guest> lastTime = drafts.isEmpty() ? Map.of()
				: returningTo(planId).stream().collect(Collectors.toMap(ReturningGuests.Guest::employeeId, g -> g));
		List<WavePage.DraftRow> draftRows = drafts.stream()
			.map(i -> new WavePage.DraftRow(i, refs.get(i.getEmployeeId()), lastTime.get(i.getEmployeeId()),
					findings.getOrDefault(String.valueOf(i.getId()), List.of())
						.stream()
						.map(f -> new WavePage.Note(f.kind().name(),
								f.other() == null ? null : name(refs, otherEmployee(drafts, f.other())),
								(int) Math.round(f.similarity() * 100)))
						.toList()))
			.toList();
		List<InvitationWave> waves = this.waves.findByPlanIdOrderById(planId);
		Map<Long, InvitationWave.Kind> kinds = waves.stream()
			.collect(Collectors.toMap(InvitationWave::getId, InvitationWave::getKind));
		Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
		List<Invitation> sentInvitations = all.stream().filter(Invitation::isSent).toList();
		Map<Answer, Long> answers = new java.util.EnumMap<>(Answer.class);
		for (Answer answer : Answer.values()) {
			answers.put(answer, sentInvitations.stream().filter(i -> i.getAnswer() == answer).count());
		}
		List<WavePage.SentRow> rows = sentInvitations.stream()
			.filter(i -> shown == null || i.getAnswer() == shown)
			.map(i -> {
				EmployeeRef invitee = refs.get(i.getEmployeeId());
				return new WavePage.SentRow(i, invitee,
						invitee == null ? null : departments.get(invitee.departmentCode()), kinds.get(i.getWaveId()),
						suggestedReply(invitee));
			})
			.toList();
		WavePage.Sent sent = new WavePage.Sent(rows, answers, shown);
		List<WavePage.Match> matches = query == null || query.isBlank() ? List.of()
				: this.directory.search(query, SEARCH_LIMIT)
					.stream()
					.filter(e -> all.stream().noneMatch(i -> i.getEmployeeId() == e.id()))
					.map(e -> new WavePage.Match(e, departments.get(e.departmentCode())))
					.toList();
		List<EmployeeRef> organisers = OrganisedEvents.organisers(event, refs);
		List<WaveProgress> progress = waves.stream()
			.filter(InvitationWave::isSent)
			.map(this::progress)
			.filter(WaveProgress::isTracked)
			.toList();
		ReminderSchedule schedule = this.reminders.scheduleOf(planId);
		return new WavePage(event, organisers, draftRows, sent, query, matches, this.seats.count(planId).orElse(null),
				this.funnels.of(planId, sentInvitations), progress, new WavePage.Reminders(schedule,
						upcoming(schedule.pendingDue(event), event), upcoming(schedule.attendingDue(event), event),
						sentInvitations.stream().filter(i -> i.getPendingRemindedAt() != null).count(),
						sentInvitations.stream().filter(i -> i.getEveRemindedAt() != null).count()));
	}

	/**
	 * Opens the first personal wave of an event hosted again, once it is approved: its must-invite list
	 * starts with last time's people who came and those left on the waitlist, each with no message yet
	 * (last time's messages are never copied). Nothing happens once the event has any wave, nor for an
	 * event nobody returns to.
	 * @return how many were put on the list
	 */
	int openFirstWave(long planId, long organiserId, String actor) {
		if (this.waves.existsByPlanId(planId)) {
			return 0;
		}
		PlannedEvent event = this.organised.forInviting(planId, organiserId);
		if (!event.status().allowsInviting() || this.waves.existsByPlanId(planId)) {
			return 0;
		}
		List<Long> people = returningTo(planId).stream()
			.map(ReturningGuests.Guest::employeeId)
			.filter(id -> !event.isOrganisedBy(id))
			.toList();
		if (people.isEmpty()) {
			return 0;
		}
		InvitationWave wave = draftWave(event, organiserId);
		people.forEach(id -> this.invitations.save(new Invitation(wave, id, this.clock.instant())));
		this.audit.record(actor, "invitation.prefill", subject(planId), people.size() + " from last time");
		return people.size();
	}

	private List<ReturningGuests.Guest> returningTo(long planId) {
		return this.returning.stream().flatMap(r -> r.of(planId).stream()).toList();
	}

	/**
	 * How the mail of a sent wave is going out.
	 * @throws InvitationNotFound when the plan has no such sent wave
	 */
	@Transactional(readOnly = true)
	WaveProgress progress(long planId, long waveId, long organiserId) {
		this.organised.by(planId, organiserId);
		return this.waves.findById(waveId)
			.filter(wave -> wave.getPlanId() == planId && wave.isSent())
			.map(this::progress)
			.orElseThrow(InvitationNotFound::new);
	}

	private WaveProgress progress(InvitationWave wave) {
		return new WaveProgress(wave.getPlanId(), wave.getId(), wave.getKind(), wave.getSentAt(),
				this.outbox.progress(wave.mailBatch()));
	}

	/**
	 * Adds someone to the must-invite list of the personal wave being written.
	 * @return the person added
	 */
	EmployeeRef add(long planId, long organiserId, String actor, long employeeId) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		// Someone who left the org chart is not invited: as if they were not in the directory.
		EmployeeRef person = this.directory.findById(employeeId)
			.filter(found -> this.directory.isActive(found.id()))
			.orElseThrow(InvitationNotFound::new);
		if (this.invitations.existsByPlanIdAndEmployeeId(planId, employeeId)) {
			throw new InvitationRefused("invitations.refused.already");
		}
		InvitationWave wave = draftWave(event, organiserId);
		this.invitations.save(new Invitation(wave, person.id(), this.clock.instant()));
		this.audit.record(actor, "invitation.add", subject(planId), person.email());
		return person;
	}

	void write(long planId, long invitationId, long organiserId, String text) {
		this.organised.by(planId, organiserId);
		draft(planId, invitationId).write(text);
	}

	/** @return the name of the person taken off the list, empty when they left the directory */
	String remove(long planId, long invitationId, long organiserId, String actor) {
		this.organised.by(planId, organiserId);
		Invitation invitation = draft(planId, invitationId);
		this.invitations.delete(invitation);
		this.audit.record(actor, "invitation.remove", subject(planId), "employee " + invitation.getEmployeeId());
		return this.directory.findById(invitation.getEmployeeId()).map(EmployeeRef::name).orElse("");
	}

	/**
	 * Sends the personal wave being written: every invitee gets a link of their own and a mail, queued in
	 * this transaction. Someone whose address or data cannot go into a mail is not invited: their
	 * invitation goes back onto a new list being written, and the outcome says who and why, while
	 * everyone else's invitation goes out.
	 * @return how many were invited, and who could not be reached
	 */
	WaveOutcome send(long planId, long organiserId, String actor) {
		PlannedEvent event = this.organised.forInviting(planId, organiserId);
		InvitationWave wave = this.waves
			.findByPlanIdAndKindAndStatus(planId, InvitationWave.Kind.PERSONAL, InvitationWave.Status.DRAFT)
			.orElseThrow(() -> new InvitationRefused("invitations.refused.empty"));
		List<Invitation> list = this.invitations.findByWaveIdOrderById(wave.getId());
		if (list.isEmpty()) {
			throw new InvitationRefused("invitations.refused.empty");
		}
		event = this.plans.startInviting(planId);
		wave.markSent(event, this.clock.instant());
		this.seats.open(planId, event.capacity());
		Map<Long, EmployeeRef> refs = this.directory.findAllById(
				java.util.stream.Stream.concat(list.stream().map(Invitation::getEmployeeId), event.organiserIds().stream())
					.toList());
		List<EmployeeRef> organisers = OrganisedEvents.organisers(event, refs);
		// Someone deactivated since they were put on the list has left: not reached, like someone gone.
		java.util.Set<Long> active = this.directory.activeAmong(list.stream().map(Invitation::getEmployeeId).toList());
		List<Long> organiserIds = event.organiserIds();
		refs.keySet().removeIf(id -> !active.contains(id) && !organiserIds.contains(id));
		List<WaveOutcome.Unreached> unreached = new ArrayList<>();
		InvitationWave leftOver = null;
		for (Invitation invitation : list) {
			invitation.send(this.clock.instant());
			EmployeeRef invitee = refs.get(invitation.getEmployeeId());
			try {
				if (invitee == null) {
					throw new InvitationMails.CannotReach("invitations.unreachable.gone");
				}
				this.outbox.queue(this.mails.invitation("invitation", Map.of(), event, wave, organisers, invitation, invitee));
			}
			catch (InvitationMails.CannotReach cannot) {
				leftOver = leftOver != null ? leftOver : draftWave(event, organiserId);
				invitation.returnTo(leftOver);
				unreached.add(WaveOutcome.Unreached.of(invitation.getEmployeeId(), invitee, cannot.reason()));
			}
		}
		WaveOutcome outcome = new WaveOutcome(list.size() - unreached.size(), unreached);
		this.audit.record(actor, "invitation.wave.send", subject(planId), outcome.describe("personal invitations"));
		this.metrics.sent(InvitationWave.Kind.PERSONAL, outcome.invited());
		return outcome;
	}

	/**
	 * Changes the number of seats once invitations are out (the plan itself is fixed after approval);
	 * more seats promote from the waitlist in order.
	 * @return how many were promoted
	 * @throws InvitationRefused when fewer seats than people attending are asked for
	 */
	int changeCapacity(long planId, long organiserId, String actor, int capacity) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		if (capacity < 1 || capacity > 10_000) {
			throw new InvitationRefused("invitations.refused.capacity");
		}
		this.seats.changeCapacity(planId, capacity);
		int promoted = this.waitlist.promote(event).size();
		this.audit.record(actor, "invitation.capacity", subject(planId), capacity + " seats, " + promoted + " promoted");
		return promoted;
	}

	/** A reminder's moment in the event's zone, while it is still to come. */
	private java.time.ZonedDateTime upcoming(java.util.Optional<java.time.Instant> due, PlannedEvent event) {
		return due.filter(moment -> moment.isAfter(this.clock.instant()))
			.map(moment -> moment.atZone(event.zone()))
			.orElse(null);
	}

	/**
	 * Switches the event's reminders on or off and sets how many days before the RSVP deadline those
	 * who have not answered are reminded.
	 * @throws InvitationRefused when the number of days is out of range
	 */
	void chooseReminders(long planId, long organiserId, String actor, boolean pending, int days, boolean attending) {
		this.organised.by(planId, organiserId);
		ReminderSchedule schedule = this.reminders.scheduleOf(planId);
		schedule.choose(pending, days, attending);
		this.schedules.save(schedule);
		this.audit.record(actor, "invitation.reminders", subject(planId), (pending ? days + " days before the deadline"
				: "no reminder before the deadline") + ", " + (attending ? "attendees the day before" : "no reminder the day before"));
	}

	/**
	 * Sends the organiser's short reply to a decline as a personal mail, once per invitation.
	 * @return the person answered
	 * @throws InvitationRefused when the invitee has not declined, was answered already, or the text is empty
	 */
	EmployeeRef replyToDecline(long planId, long invitationId, long organiserId, String actor, String text) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		String reply = text == null ? "" : text.strip();
		if (reply.isEmpty() || reply.length() > Invitation.MAX_NOTE) {
			throw new InvitationRefused("invitations.refused.reply");
		}
		Invitation invitation = this.invitations.findByIdAndPlanId(invitationId, planId).orElseThrow(InvitationNotFound::new);
		invitation.replyToDecline(reply, this.clock.instant());
		EmployeeRef invitee = this.directory.findById(invitation.getEmployeeId()).orElseThrow(InvitationNotFound::new);
		EmployeeRef from = this.directory.findById(organiserId).orElseThrow(InvitationNotFound::new);
		this.outbox.queue(MailRequest.of(invitee.email(), invitee.name(), invitee.locale(), "decline-reply",
				Map.of("reply", reply, "planTitle", event.title(), "organiserName", from.name()),
				new Object[] { from.name(), event.title() }, "decline-reply-" + invitation.getId()));
		this.audit.record(actor, "invitation.decline-reply", subject(planId), "employee " + invitee.id());
		return invitee;
	}

	private String suggestedReply(EmployeeRef invitee) {
		if (invitee == null) {
			return "";
		}
		return this.messages.getMessage("invitations.declineReply.suggestion", new Object[] { invitee.name() },
				invitee.locale());
	}

	/**
	 * The attendees as CSV for a spreadsheet: UTF-8 with a byte order mark, formula-safe cells, departments by
	 * their name in the reader's language, answer times as a spreadsheet reads them (2026-12-01 07:31).
	 */
	@Transactional(readOnly = true)
	String attendeesCsv(long planId, long organiserId, java.util.function.Function<String, String> header,
			Locale locale) {
		PlannedEvent event = this.organised.by(planId, organiserId);
		List<Invitation> attending = this.invitations.findByPlanIdAndAnswerOrderByAnsweredAtAscIdAsc(planId,
				Answer.ATTENDING);
		Map<Long, EmployeeRef> refs = this.directory
			.findAllById(attending.stream().map(Invitation::getEmployeeId).toList());
		Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(csv,
				org.apache.commons.csv.CSVFormat.DEFAULT)) {
			printer.printRecord(header.apply("invitations.csv.name"), header.apply("invitations.csv.email"),
					header.apply("invitations.csv.department"), header.apply("invitations.csv.note"),
					header.apply("invitations.csv.answeredAt"));
			for (Invitation invitation : attending) {
				EmployeeRef person = refs.get(invitation.getEmployeeId());
				printer.printRecord(SpreadsheetCells.safe(person == null ? "" : person.name()),
						SpreadsheetCells.safe(person == null ? "" : person.email()),
						SpreadsheetCells.safe(person == null ? "" : departmentName(departments, person, locale)),
						SpreadsheetCells.safe(invitation.getNote()),
						invitation.getAnsweredAt() == null ? ""
								: SPREADSHEET_TIME.format(invitation.getAnsweredAt().atZone(event.zone())));
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return csv.toString();
	}

	private static String departmentName(Map<String, DepartmentRef> departments, EmployeeRef person, Locale locale) {
		DepartmentRef department = departments.get(person.departmentCode());
		return department == null ? person.departmentCode() : department.displayName(locale);
	}

	private InvitationWave draftWave(PlannedEvent event, long organiserId) {
		return this.waves
			.findByPlanIdAndKindAndStatus(event.id(), InvitationWave.Kind.PERSONAL, InvitationWave.Status.DRAFT)
			.orElseGet(() -> this.waves.saveAndFlush(InvitationWave.personal(event, organiserId, this.clock.instant())));
	}

	private Invitation draft(long planId, long invitationId) {
		Invitation invitation = this.invitations.findByIdAndPlanId(invitationId, planId)
			.orElseThrow(InvitationNotFound::new);
		if (invitation.isSent()) {
			throw new InvitationRefused("invitations.refused.sent");
		}
		return invitation;
	}

	private static long otherEmployee(List<Invitation> drafts, String key) {
		return drafts.stream().filter(i -> String.valueOf(i.getId()).equals(key)).findFirst().orElseThrow().getEmployeeId();
	}

	private static String name(Map<Long, EmployeeRef> refs, long employeeId) {
		EmployeeRef ref = refs.get(employeeId);
		return ref == null ? "" : ref.name();
	}

	private static String subject(long planId) {
		return "plan " + planId;
	}

}
