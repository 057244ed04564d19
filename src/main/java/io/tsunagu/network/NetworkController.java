package io.tsunagu.network;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.accounts.TsunaguUser;

/**
 * My network: every employee's own ties, never anyone else's. No request names whose network it is: it is
 * always the viewer's, and a person the viewer is not tied to does not exist here.
 */
@Controller
class NetworkController {

	private static final String BACK = "redirect:/network";

	private final MyNetwork network;

	private final Reconnections reconnections;

	private final NetworkSettings settings;

	NetworkController(MyNetwork network, Reconnections reconnections, NetworkSettings settings) {
		this.network = network;
		this.reconnections = reconnections;
		this.settings = settings;
	}

	@GetMapping("/network")
	String mine(@RequestParam(required = false) String department, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal TsunaguUser user, Model model) {
		model.addAttribute("page", this.network.page(employee(user), department, page));
		return "network/mine";
	}

	@GetMapping("/network/people/{employeeId}")
	String tie(@PathVariable long employeeId, @AuthenticationPrincipal TsunaguUser user, Model model) {
		model.addAttribute("tie", this.network.tie(employee(user), employeeId));
		return "network/person";
	}

	@PostMapping("/network/must-invite")
	String mustInvite(@RequestParam long employeeId, @RequestParam long planId, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		Reconnections.Added added = this.reconnections.putOnMustInviteList(employee(user), user.getEmail(), planId,
				employeeId);
		redirect.addFlashAttribute("flash", "network.mustInvite.added");
		redirect.addFlashAttribute("flashArgs", new Object[] { added.name(), added.title() });
		return BACK;
	}

	@PostMapping("/network/settings")
	String settings(@RequestParam(defaultValue = "false") boolean hidden, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		this.settings.hideFromSuggestions(employee(user), user.getEmail(), hidden);
		redirect.addFlashAttribute("flash", hidden ? "network.settings.hidden" : "network.settings.shown");
		return BACK;
	}

	/** A refusal is said on the page, in the viewer's language; nothing was changed. */
	@ExceptionHandler(NetworkRefused.class)
	String refused(NetworkRefused refused, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", refused.messageKey());
		redirect.addFlashAttribute("flashArgs", refused.args());
		redirect.addFlashAttribute("flashLevel", "warning");
		return BACK;
	}

	/** Someone logged in without a place in the directory has no network. */
	private static long employee(TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null) {
			throw new NetworkNotFound();
		}
		return user.getEmployeeId();
	}

}
