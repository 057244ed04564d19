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

	/** Changes a task: what, notes, who helps and by when. */
	@PostMapping("/plans/{id}/tasks/{taskId}")
	String edit(@PathVariable long id, @PathVariable long taskId, @Valid @ModelAttribute("taskEdit") TaskForm form,
			BindingResult binding, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		long me = PlanController.employee(user);
		if (binding.hasErrors()) {
			return tasks(redirect, id, "warning", "task.edit.invalid");
		}
		try {
			this.plans.editTask(id, taskId, me, user.getEmail(), form.title(), form.notes(), form.assignee(), form.dueOn());
		}
		catch (Plans.UnknownEmployee unknown) {
			return tasks(redirect, id, "warning", "task.assignee.unknown");
		}
		catch (IllegalPlanChange refused) {
			return tasks(redirect, id, "warning", refused.messageKey());
		}
		return tasks(redirect, id, null, "task.saved", form.title().strip());
	}

	@PostMapping("/plans/{id}/tasks/{taskId}/delete")
	String delete(@PathVariable long id, @PathVariable long taskId, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		try {
			String title = this.plans.deleteTask(id, taskId, PlanController.employee(user), user.getEmail());
			return tasks(redirect, id, null, "task.deleted", title);
		}
		catch (IllegalPlanChange refused) {
			return tasks(redirect, id, "warning", refused.messageKey());
		}
	}

	private static String tasks(RedirectAttributes redirect, long id, String level, String key, Object... args) {
		redirect.addFlashAttribute("flash", key);
		if (level != null) {
			redirect.addFlashAttribute("flashLevel", level);
		}
		if (args.length > 0) {
			redirect.addFlashAttribute("flashArgs", args);
		}
		return "redirect:/plans/" + id + "#tasks";
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
