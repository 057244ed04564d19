package io.tsunagu.planning;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.accounts.TsunaguUser;

/**
 * Preparation tasks. With htmx the answer is the task list (and the team's department coverage) to
 * swap in; without it, the usual redirect to the plan.
 */
@Controller
class TaskController {

	private final Plans plans;

	TaskController(Plans plans) {
		this.plans = plans;
	}

	@PostMapping("/plans/{id}/tasks")
	String add(@PathVariable long id, @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult binding,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @AuthenticationPrincipal TsunaguUser user,
			Model model, RedirectAttributes redirect) {
		long me = PlanController.employee(user);
		String problem = null;
		if (!binding.hasErrors()) {
			try {
				this.plans.addTask(id, me, user.getEmail(), form.title(), form.notes(), form.assignee(), form.dueOn());
				form = TaskForm.blank();
			}
			catch (Plans.UnknownEmployee unknown) {
				binding.rejectValue("assignee", "task.assignee.unknown");
			}
			catch (IllegalPlanChange refused) {
				problem = refused.messageKey();
			}
		}
		if (htmx == null) {
			if (binding.hasErrors()) {
				redirect.addFlashAttribute("org.springframework.validation.BindingResult.taskForm", binding);
				redirect.addFlashAttribute("taskForm", form);
			}
			redirect.addFlashAttribute("flash", problem != null ? problem : binding.hasErrors() ? "task.invalid" : "task.added");
			if (problem != null || binding.hasErrors()) {
				redirect.addFlashAttribute("flashLevel", "warning");
			}
			return "redirect:/plans/" + id + "#tasks";
		}
		if (!binding.hasErrors()) {
			model.addAttribute("taskForm", form);
		}
		model.addAttribute("taskProblem", problem);
		model.addAttribute("page", this.plans.page(id, me));
		return "planning/tasks-response";
	}

	@PostMapping("/plans/{id}/tasks/{taskId}/status")
	String move(@PathVariable long id, @PathVariable long taskId, @RequestParam TaskStatus status,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @AuthenticationPrincipal TsunaguUser user,
			Model model) {
		long me = PlanController.employee(user);
		this.plans.moveTask(id, taskId, me, user.getEmail(), status);
		if (htmx == null) {
			return "redirect:/plans/" + id + "#tasks";
		}
		model.addAttribute("page", this.plans.page(id, me));
		model.addAttribute("taskForm", TaskForm.blank());
		return "planning/tasks-response";
	}

}
