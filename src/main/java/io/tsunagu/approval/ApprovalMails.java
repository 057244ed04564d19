package io.tsunagu.approval;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;

/**
 * The mail of the approval chain: the open step's approver is asked (and reminded), the organisers
 * hear the outcome. Dedupe keys make each notification queue once, whichever instance sends it.
 */
@Component
class ApprovalMails {

	private final Outbox outbox;

	private final Directory directory;

	private final PlanSummaries summaries;

	private final ZoneId zone;

	// The directory keeps no zone per person, so approvers read times in the company's zone.
	ApprovalMails(Outbox outbox, Directory directory, PlanSummaries summaries, @Value("${tsunagu.zone}") ZoneId zone) {
		this.outbox = outbox;
		this.directory = directory;
		this.summaries = summaries;
		this.zone = zone;
	}

	void requestDecision(ApprovalRound round, ApprovalStep step) {
		this.directory.findById(step.getApproverId()).ifPresent(approver -> {
			Map<String, Object> model = decisionModel(round, step, approver);
			this.outbox.queue(MailRequest.of(approver.email(), approver.name(), approver.locale(), "approval-request",
					model, new Object[] { round.getPlanTitle() }, "approval-step-" + step.getId() + "-request"));
		});
	}

	/** Queues today's reminder for a waiting step; false when it was queued today already. */
	boolean remind(ApprovalStep step, LocalDate today, long daysWaiting) {
		ApprovalRound round = step.getRound();
		return this.directory.findById(step.getApproverId()).flatMap(approver -> {
			Map<String, Object> model = decisionModel(round, step, approver);
			model.put("days", daysWaiting);
			return this.outbox.queue(MailRequest.of(approver.email(), approver.name(), approver.locale(),
					"approval-reminder", model, new Object[] { round.getPlanTitle() },
					"approval-step-" + step.getId() + "-reminder-" + today));
		}).isPresent();
	}

	/** Tells every organiser how the round ended: approved (with the directions given), changes asked, or rejected. */
	void tellOrganisers(ApprovalRound round, ApprovalStep decided) {
		String kind = switch (round.getStatus()) {
			case APPROVED -> "plan-approved";
			case CHANGES_REQUESTED -> "plan-changes-requested";
			case REJECTED -> "plan-rejected";
			default -> throw new IllegalStateException("Round " + round.getId() + " is " + round.getStatus());
		};
		Map<Long, EmployeeRef> people = this.directory.findAllById(
				java.util.stream.Stream.concat(round.getOrganiserIds().stream(),
						round.getSteps().stream().map(ApprovalStep::getApproverId)).toList());
		List<Map<String, Object>> directions = new ArrayList<>();
		for (ApprovalStep step : round.getSteps()) {
			if (step.getState() == StepState.APPROVED && step.getComment() != null) {
				directions.add(Map.of("role", step.getRole().name(), "name", name(people, step.getApproverId()),
						"text", step.getComment()));
			}
		}
		for (Long organiserId : round.getOrganiserIds()) {
			EmployeeRef organiser = people.get(organiserId);
			if (organiser == null) {
				continue;
			}
			Map<String, Object> model = model(round);
			model.put("directions", directions);
			model.put("approverName", name(people, decided.getApproverId()));
			model.put("role", decided.getRole().name());
			model.put("comment", decided.getComment() == null ? "" : decided.getComment());
			this.outbox.queue(MailRequest.of(organiser.email(), organiser.name(), organiser.locale(), kind, model,
					new Object[] { round.getPlanTitle() },
					"plan-" + round.getPlanId() + "-round-" + round.getRoundNumber() + "-" + kind + "-" + organiserId));
		}
	}

	/**
	 * What an approver's mail says: the plan's summary as {@code mail/event :: facts} shows it (with its
	 * capacity and budget), and the step whose decision page the button opens.
	 */
	private Map<String, Object> decisionModel(ApprovalRound round, ApprovalStep step, EmployeeRef approver) {
		Map<String, Object> model = model(round);
		model.put("role", step.getRole().name());
		model.put("stepId", step.getId());
		this.summaries.find(round.getPlanId(), approver.locale()).ifPresent(plan -> {
			model.put("summary", true);
			model.put("purpose", plan.purpose());
			model.put("startsAt", plan.startsAt().atZone(this.zone));
			model.put("endsAt", plan.endsAt().atZone(this.zone));
			model.put("rsvpDeadline", plan.rsvpDeadline().atZone(this.zone));
			model.put("venue", plan.venue() == null ? "" : plan.venue());
			model.put("onlineLink", plan.onlineLink() == null ? "" : plan.onlineLink());
			model.put("organisers", plan.teamNames());
			model.put("capacity", plan.capacity());
			if (plan.budgetYen() != null) {
				model.put("budgetYen", plan.budgetYen());
			}
		});
		return model;
	}

	private Map<String, Object> model(ApprovalRound round) {
		Map<String, Object> model = new HashMap<>();
		model.put("planId", round.getPlanId());
		model.put("planTitle", round.getPlanTitle());
		model.put("round", round.getRoundNumber());
		model.put("leadName", this.directory.findById(round.getLeadId()).map(EmployeeRef::name).orElse(""));
		return model;
	}

	private static String name(Map<Long, EmployeeRef> people, long id) {
		EmployeeRef ref = people.get(id);
		return ref == null ? "" : ref.name();
	}

}
