package io.tsunagu.invitations;

import java.time.Clock;
import java.time.Instant;
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

	private final Clock clock;

	RsvpAnswers(Invitations invitations, AnswerLinks links, Plans plans, Directory directory, Waitlist waitlist,
			Attendances attendances, Clock clock) {
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
	 * organiser's funnel; it never touches the answer.
	 */
	Optional<AnswerPage> open(String link, boolean firstLook) {
		Instant now = this.clock.instant();
		return find(link, now).map(found -> {
			if (firstLook) {
				this.invitations.markOpened(found.invitation().getId(), now);
			}
			return page(link, found, now);
		});
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
			.map(found -> this.waitlist.answer(found.invitation(), found.event(), choice, note));
	}

	private Optional<Found> find(String link, Instant now) {
		return find(link, now, this.invitations::findById);
	}

	private Optional<Found> find(String link, Instant now, Function<Long, Optional<Invitation>> lookup) {
		return RsvpToken.parse(link)
			.flatMap(this.links::invitationOf)
			.flatMap(lookup)
			.filter(Invitation::isSent)
			.flatMap(invitation -> this.plans.event(invitation.getPlanId()).map(event -> new Found(invitation, event)))
			.filter(found -> found.event().status() != PlanStatus.CANCELLED && now.isBefore(found.event().endsAt()));
	}

	private AnswerPage page(String link, Found found, Instant now) {
		Invitation invitation = found.invitation();
		PlannedEvent event = found.event();
		Optional<EmployeeRef> person = this.directory.findById(invitation.getEmployeeId());
		String invitee = person.map(EmployeeRef::name).orElse("");
		var organisers = OrganisedEvents.organisers(event, this.directory.findAllById(event.organiserIds()))
			.stream()
			.map(EmployeeRef::name)
			.toList();
		DepartmentRef department = person.flatMap(p -> this.directory.department(p.departmentCode())).orElse(null);
		return new AnswerPage(link, invitee, invitation.getMessage(), event, organisers, invitation.getAnswer(),
				invitation.getNote(), this.attendances.of(event.id()), department, event.acceptsAnswersAt(now),
				person.map(EmployeeRef::locale).orElse(java.util.Locale.JAPANESE));
	}

	private record Found(Invitation invitation, PlannedEvent event) {
	}

}
