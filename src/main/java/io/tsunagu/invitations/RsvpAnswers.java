package io.tsunagu.invitations;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlanStatus;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * The invitee's side: opening the answer link and answering. A link is valid while its invitation was
 * sent, its event is not cancelled and has not ended; every other link, whether it never existed or no
 * longer counts, is treated the same.
 */
@Service
@Transactional
class RsvpAnswers {

	private final Invitations invitations;

	private final Plans plans;

	private final Directory directory;

	private final Waitlist waitlist;

	private final AnswerLinks links;

	private final Attendances attendances;

	private final Seats seats;

	private final CalendarParts calendars;

	private final CheckInPasses checkInPasses;

	private final Clock clock;

	private final InvitationMetrics metrics;

	RsvpAnswers(Invitations invitations, AnswerLinks links, Plans plans, Directory directory, Waitlist waitlist,
			Attendances attendances, Seats seats, CalendarParts calendars, CheckInPasses checkInPasses, Clock clock,
			InvitationMetrics metrics) {
		this.metrics = metrics;
		this.checkInPasses = checkInPasses;
		this.seats = seats;
		this.calendars = calendars;
		this.links = links;
		this.waitlist = waitlist;
		this.attendances = attendances;
		this.invitations = invitations;
		this.plans = plans;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The page behind a link. {@code firstLook} records when the page was first opened, for the
	 * organiser's funnel, and issues the check-in code shown to an invitee who attends; a HEAD, which
	 * shows nothing, does neither. It never touches the answer.
	 */
	Optional<AnswerPage> open(String link, boolean firstLook) {
		Instant now = this.clock.instant();
		return find(link, now).map(found -> {
			if (firstLook && found.invitation().getFirstOpenedAt() == null) {
				this.invitations.markOpened(found.invitation().getId(), now);
			}
			return page(link, found, now, firstLook);
		});
	}

	/**
	 * The event as an iCalendar file to import, for a valid link only; reading it changes nothing, not
	 * even the first look of the funnel (a calendar app may fetch it by itself).
	 */
	@Transactional(readOnly = true)
	Optional<CalendarFile> calendar(String link) {
		return find(link, this.clock.instant()).map(Found::event).map(event -> new CalendarFile(event.title(),
				this.calendars.download(event, this.directory.findById(event.leadId()).orElseThrow())));
	}

	/**
	 * Records an answer.
	 * @return the answer recorded, or empty when the link is not valid
	 * @throws InvitationRefused after the RSVP deadline
	 */
	Optional<Answer> answer(String link, Answer choice, String note) {
		Instant now = this.clock.instant();
		if (choice != Answer.ATTENDING && choice != Answer.DECLINED) {
			throw new InvitationRefused("rsvp.refused.choice");
		}
		return find(link, now, this.invitations::findForAnswer)
			.map(found -> this.waitlist.answer(found.invitation(), found.event(), choice, note))
			.map(answer -> {
				this.metrics.answered(answer);
				return answer;
			});
	}

	private Optional<Found> find(String link, Instant now) {
		return find(link, now, this.invitations::findById);
	}

	private Optional<Found> find(String link, Instant now, Function<Long, Optional<Invitation>> lookup) {
		return RsvpToken.parse(link)
			.flatMap(token -> this.links.invitationOf(token)
				.flatMap(lookup)
				.filter(Invitation::isSent)
				.flatMap(invitation -> this.plans.event(invitation.getPlanId())
					.map(event -> new Found(token, invitation, event))))
			.filter(found -> found.event().status() != PlanStatus.CANCELLED && now.isBefore(found.event().endsAt()));
	}

	private AnswerPage page(String link, Found found, Instant now, boolean shown) {
		Invitation invitation = found.invitation();
		PlannedEvent event = found.event();
		Optional<EmployeeRef> person = this.directory.findById(invitation.getEmployeeId());
		String invitee = person.map(EmployeeRef::name).orElse("");
		var organisers = OrganisedEvents.organisers(event, this.directory.findAllById(event.organiserIds()))
			.stream()
			.map(EmployeeRef::name)
			.toList();
		DepartmentRef department = person.flatMap(p -> this.directory.department(p.departmentCode())).orElse(null);
		// Seats open with the first invitation sent, so a valid link always has them.
		Seats.Count seats = this.seats.count(event.id()).orElseThrow();
		return new AnswerPage(link, invitee, invitation.getMessage(), event, organisers, invitation.getAnswer(),
				invitation.getNote(), this.attendances.of(event.id()), department, event.acceptsAnswersAt(now),
				person.map(EmployeeRef::locale).orElse(Locale.JAPANESE), seats, this.seats.waiting(event.id()),
				this.seats.waitlistPosition(invitation).orElse(null),
				shown && invitation.getAnswer() == Answer.ATTENDING
						? this.checkInPasses.forAnswerLink(event, invitation.getEmployeeId(), found.token().secret()).orElse(null)
						: null);
	}

	/** An event's iCalendar text and the title its file is named after. */
	record CalendarFile(String title, String ics) {
	}

	private record Found(RsvpToken token, Invitation invitation, PlannedEvent event) {
	}

}
