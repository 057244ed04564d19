package io.tsunagu.network;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.accounts.TsunaguUser;

/**
 * The suggestions of whom to invite (on the invitations page) and whom to ask to help (on the plan page's
 * team section): fragments the pages load once shown, so that the pages do not wait for them, and the
 * one-click additions, which go back to the page they came from.
 */
@Controller
class SuggestionController {

	private final Suggestions suggestions;

	SuggestionController(Suggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping("/plans/{id}/suggestions/invitees")
	String invitees(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Locale locale, Model model) {
		model.addAttribute("planId", id);
		model.addAttribute("suggestions", this.suggestions.invitees(id, employee(user), locale));
		return "network/suggestions :: invitees";
	}

	@GetMapping("/plans/{id}/suggestions/helpers")
	String helpers(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Locale locale, Model model) {
		model.addAttribute("planId", id);
		model.addAttribute("suggestions", this.suggestions.helpers(id, employee(user), locale));
		return "network/suggestions :: helpers";
	}

	@PostMapping("/plans/{id}/suggestions/invitees")
	String invite(@PathVariable long id, @RequestParam long employeeId, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		String target = "redirect:/plans/" + id + "/invitations";
		try {
			String name = this.suggestions.invite(id, employee(user), user.getEmail(), employeeId);
			return flash(redirect, target, "network.suggest.invited", null, name);
		}
		catch (SuggestionRefused refused) {
			return flash(redirect, target, refused.messageKey(), "warning", refused.name());
		}
	}

	@PostMapping("/plans/{id}/suggestions/helpers")
	String askToHelp(@PathVariable long id, @RequestParam long employeeId, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		String target = "redirect:/plans/" + id;
		try {
			String name = this.suggestions.askToHelp(id, employee(user), user.getEmail(), employeeId);
			return flash(redirect, target, "plan.team.proposed", null, name);
		}
		catch (SuggestionRefused refused) {
			return flash(redirect, target, refused.messageKey(), "warning", refused.name());
		}
	}

	/** Someone without an employee record (an administrator's account) organises nothing. */
	private static long employee(TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null) {
			throw new SuggestionsNotFound();
		}
		return user.getEmployeeId();
	}

	private static String flash(RedirectAttributes redirect, String target, String key, String level, String name) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashArgs", new Object[] { name });
		if (level != null) {
			redirect.addFlashAttribute("flashLevel", level);
		}
		return target;
	}

}
