package io.tsunagu.approval;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.accounts.TsunaguUser;
import io.tsunagu.approval.ApprovalViews.DecisionSubject;

@Controller
class ApprovalController {

	private final Approvals approvals;

	ApprovalController(Approvals approvals) {
		this.approvals = approvals;
	}

	@ModelAttribute("decisionKinds")
	DecisionKind[] decisionKinds() {
		return DecisionKind.values();
	}

	@GetMapping("/approvals")
	String inbox(@AuthenticationPrincipal TsunaguUser user, Model model) {
		model.addAttribute("items", this.approvals.inbox(employee(user)));
		return "approval/inbox";
	}

	@GetMapping("/approvals/steps/{stepId}")
	String decisionForm(@PathVariable long stepId, @AuthenticationPrincipal TsunaguUser user, Locale locale,
			Model model) {
		DecisionSubject subject = this.approvals.decisionSubject(stepId, employee(user), locale);
		show(subject, employee(user), model);
		if (!model.containsAttribute("decision")) {
			model.addAttribute("decision", new DecisionForm(null, null, subject.planRevision()));
		}
		return "approval/decision";
	}

	@PostMapping("/approvals/steps/{stepId}")
	String decide(@PathVariable long stepId, @Valid @ModelAttribute("decision") DecisionForm decision,
			BindingResult binding, @AuthenticationPrincipal TsunaguUser user, Locale locale, Model model,
			RedirectAttributes redirect) {
		long me = employee(user);
		DecisionSubject subject = this.approvals.decisionSubject(stepId, me, locale);
		// Not their turn yet: the plan is not theirs to read either, so stay on this page and keep what they wrote.
		if (binding.hasErrors() || subject.isNotYourTurnYet()) {
			show(subject, me, model);
			return "approval/decision";
		}
		try {
			this.approvals.decide(stepId, me, user.getEmail(), decision.kind(), decision.comment(), decision.revision());
		}
		catch (DecisionRefused refused) {
			if (refused.isForbidden()) {
				throw new AccessDeniedException(refused.getMessage());
			}
			redirect.addFlashAttribute("flash", refused.messageKey());
			redirect.addFlashAttribute("flashLevel", "warning");
			return "redirect:/plans/" + subject.planId();
		}
		redirect.addFlashAttribute("flash", "decision.recorded." + decision.kind().name());
		redirect.addFlashAttribute("flashArgs", new Object[] { subject.planTitle() });
		return "redirect:/approvals";
	}

	/** The plan above the form and, below it, what the approvers before this one decided. */
	private void show(DecisionSubject subject, long me, Model model) {
		model.addAttribute("subject", subject);
		if (!subject.isNotYourTurnYet()) {
			model.addAttribute("approval", this.approvals.viewFor(subject.planId(), me));
		}
	}

	static long employee(TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null) {
			throw new AccessDeniedException("Approvals are for employees");
		}
		return user.getEmployeeId();
	}

}
