package io.tsunagu.planning;

import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.accounts.TsunaguUser;
import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.SubmissionRefused;
import io.tsunagu.directory.EmployeeRef;

@Controller
class PlanController {

	private final Plans plans;

	private final Approvals approvals;

	private final ZoneId zone;

	private final Turnouts turnouts;

	private final List<CheckInDoors> checkInDoors;

	PlanController(Plans plans, Approvals approvals, @Value("${tsunagu.zone}") ZoneId zone, Turnouts turnouts,
			ObjectProvider<CheckInDoors> checkInDoors) {
		this.plans = plans;
		this.approvals = approvals;
		this.zone = zone;
		this.turnouts = turnouts;
		this.checkInDoors = checkInDoors.orderedStream().toList();
	}

	@ModelAttribute
	void formOptions(Model model) {
		model.addAttribute("kinds", PlanKind.values());
		model.addAttribute("zones", PlanForm.ZONES);
	}

	@GetMapping("/plans")
	String myPlans(@AuthenticationPrincipal TsunaguUser user, Model model) {
		long me = employee(user);
		model.addAttribute("plans", this.plans.involving(me));
		model.addAttribute("me", me);
		return "planning/plans";
	}

	@GetMapping("/plans/new")
	String newPlan(@AuthenticationPrincipal TsunaguUser user, Model model) {
		employee(user);
		model.addAttribute("form", PlanForm.blank(this.zone));
		return "planning/plan-form";
	}

	@PostMapping("/plans")
	String create(@Valid @ModelAttribute("form") PlanForm form, BindingResult binding,
			@AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		long me = employee(user);
		if (binding.hasErrors()) {
			return "planning/plan-form";
		}
		EventPlan plan = this.plans.create(me, user.getEmail(), form.toDetails());
		return flash(redirect, plan.getId(), "plan.created", plan.getTitle());
	}

	// One read-only transaction for the plan, its approval rounds and its turnout: one connection and one
	// commit per view instead of one for each.
	@GetMapping("/plans/{id}")
	@Transactional(readOnly = true)
	String plan(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Model model) {
		return show(id, employee(user), model);
	}

	@GetMapping("/plans/{id}/edit")
	String edit(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Model model,
			RedirectAttributes redirect) {
		EventPlan plan = this.plans.forEditing(id, employee(user));
		if (!plan.getStatus().isEditable()) {
			return warn(redirect, id, "plan.refused.edit");
		}
		model.addAttribute("planId", id);
		model.addAttribute("form", PlanForm.of(plan));
		return "planning/plan-form";
	}

	@PostMapping("/plans/{id}")
	String revise(@PathVariable long id, @Valid @ModelAttribute("form") PlanForm form, BindingResult binding,
			@AuthenticationPrincipal TsunaguUser user, Model model, RedirectAttributes redirect) {
		long me = employee(user);
		if (binding.hasErrors()) {
			this.plans.forEditing(id, me);
			model.addAttribute("planId", id);
			return "planning/plan-form";
		}
		try {
			this.plans.revise(id, me, user.getEmail(), form.toDetails());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "plan.saved", form.title());
	}

	@PostMapping("/plans/{id}/submit")
	String submit(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		try {
			this.plans.submit(id, employee(user), user.getEmail());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		catch (SubmissionRefused refused) {
			redirect.addFlashAttribute("flashArgs", refused.arguments());
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "plan.submitted");
	}

	@PostMapping("/plans/{id}/withdraw")
	String withdraw(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		try {
			this.plans.withdraw(id, employee(user), user.getEmail());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "plan.withdrawn");
	}

	@PostMapping("/plans/{id}/copy")
	String copy(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		try {
			EventPlan copy = this.plans.copy(id, employee(user), user.getEmail());
			return flash(redirect, copy.getId(), "plan.copied");
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
	}

	@PostMapping("/plans/{id}/host-again")
	String hostAgain(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		try {
			EventPlan next = this.plans.hostAgain(id, employee(user), user.getEmail());
			return flash(redirect, next.getId(), "plan.hostedAgain", next.getEdition());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
	}

	@PostMapping("/plans/{id}/cancel")
	String cancel(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		try {
			this.plans.cancel(id, employee(user), user.getEmail());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "plan.cancelled");
	}

	@PostMapping("/plans/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		String title;
		try {
			title = this.plans.delete(id, employee(user), user.getEmail());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		redirect.addFlashAttribute("flash", "plan.deleted");
		redirect.addFlashAttribute("flashArgs", new Object[] { title });
		return "redirect:/plans";
	}

	/** A refused change is shown at this address; its language switch comes back here by GET. */
	@GetMapping("/plans/{id}/reschedule")
	String backToPlan(@PathVariable long id) {
		return "redirect:/plans/" + id + "#reschedule";
	}

	/**
	 * A move that mails anyone is shown first with how many it reaches ({@code step} empty), and made once
	 * confirmed ({@code step=confirm}); {@code step=edit} goes back to the form as it was filled in.
	 */
	@PostMapping("/plans/{id}/reschedule")
	String reschedule(@PathVariable long id, @Valid @ModelAttribute("rescheduleForm") RescheduleForm form,
			BindingResult binding, @RequestParam(defaultValue = "") String step,
			@AuthenticationPrincipal TsunaguUser user, Model model, RedirectAttributes redirect) {
		long me = employee(user);
		if (binding.hasErrors() || "edit".equals(step)) {
			this.plans.forEditing(id, me);
			model.addAttribute("rescheduleOpen", true);
			return show(id, me, model);
		}
		try {
			if (!"confirm".equals(step)) {
				Plans.MovePreview preview = this.plans.previewReschedule(id, me, form.toTimeAndPlace());
				if (preview.recipients(form.tellsDeclined()) > 0) {
					model.addAttribute("preview", preview);
					return "planning/reschedule-confirm";
				}
			}
			boolean told = this.plans.reschedule(id, me, user.getEmail(), form.toTimeAndPlace(), form.toNotice());
			return flash(redirect, id, told ? "plan.rescheduled" : "plan.rescheduled.deadline");
		}
		catch (IllegalPlanChange refused) {
			binding.reject(refused.messageKey());
			return show(id, me, model);
		}
	}

	@PostMapping("/plans/{id}/organisers")
	String proposeCoOrganiser(@PathVariable long id, @RequestParam String email,
			@AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		EmployeeRef asked;
		try {
			asked = this.plans.proposeCoOrganiser(id, employee(user), user.getEmail(), email);
		}
		catch (IllegalPlanChange refused) {
			redirect.addFlashAttribute("flashArgs", new Object[] { this.plans.nameOrAddress(email) });
			return warn(redirect, id, refused.messageKey());
		}
		catch (Plans.UnknownEmployee unknown) {
			redirect.addFlashAttribute("flashArgs", new Object[] { email });
			return warn(redirect, id, "plan.team.unknown");
		}
		// A confirmation names the person, not the address typed.
		return flash(redirect, id, "plan.team.proposed", asked.name());
	}

	@PostMapping("/plans/{id}/organisers/accept")
	String acceptCoOrganiser(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		EmployeeRef lead;
		try {
			lead = this.plans.acceptCoOrganiser(id, employee(user), user.getEmail());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "plan.team.accepted", this.plans.event(id).orElseThrow().title(),
				lead == null ? "" : lead.name());
	}

	@PostMapping("/plans/{id}/organisers/decline")
	String declineCoOrganiser(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		String lead;
		try {
			lead = this.plans.declineCoOrganiser(id, employee(user), user.getEmail());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		redirect.addFlashAttribute("flash", "plan.team.declined");
		redirect.addFlashAttribute("flashArgs", new Object[] { lead });
		return "redirect:/";
	}

	@PostMapping("/plans/{id}/organisers/{employeeId}/remove")
	String removeCoOrganiser(@PathVariable long id, @PathVariable long employeeId,
			@AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		boolean proposal;
		try {
			proposal = this.plans.removeCoOrganiser(id, employee(user), user.getEmail(), employeeId);
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, proposal ? "plan.team.proposalWithdrawn" : "plan.team.removed",
				this.plans.name(employeeId));
	}

	private String show(long id, long me, Model model) {
		PlanPage page = this.plans.page(id, me);
		model.addAttribute("page", page);
		model.addAttribute("approval", this.approvals.viewFor(id, me));
		PlannedEvent event = page.plan().toPlannedEvent();
		model.addAttribute("turnout", this.turnouts.of(event).orElse(null));
		model.addAttribute("checkInOpen", page.organiser() && this.checkInDoors.stream().anyMatch(doors -> doors.isOpen(event)));
		if (!model.containsAttribute("taskForm")) {
			model.addAttribute("taskForm", TaskForm.blank());
		}
		if (!model.containsAttribute("rescheduleForm")) {
			model.addAttribute("rescheduleForm", RescheduleForm.of(page.plan().timeAndPlace()));
		}
		return "planning/plan";
	}

	static long employee(TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null) {
			throw new AccessDeniedException("Plans are for employees");
		}
		return user.getEmployeeId();
	}

	private static String flash(RedirectAttributes redirect, long id, String key, Object... args) {
		redirect.addFlashAttribute("flash", key);
		if (args.length > 0) {
			redirect.addFlashAttribute("flashArgs", args);
		}
		return "redirect:/plans/" + id;
	}

	private static String warn(RedirectAttributes redirect, long id, String key) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashLevel", "warning");
		return "redirect:/plans/" + id;
	}

}
