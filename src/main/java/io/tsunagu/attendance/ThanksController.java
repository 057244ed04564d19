package io.tsunagu.attendance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
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
 * After the event: the thank-you page of its organisers, and the series of events it belongs to. A
 * refused thank-you shows the page again with what was typed, so that nothing written is lost.
 */
@Controller
class ThanksController {

	/** Each message of the form is a field {@code to-<employee id>}. */
	private static final String TO = "to-";

	private final Thanks thanks;

	private final SeriesPages series;

	ThanksController(Thanks thanks, SeriesPages series) {
		this.thanks = thanks;
		this.series = series;
	}

	@GetMapping("/plans/{id}/thanks")
	String page(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Model model) {
		model.addAttribute("page", this.thanks.page(id, employee(user), Map.of(), Map.of()));
		return "attendance/thanks";
	}

	@PostMapping("/plans/{id}/thanks")
	String thankTeam(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal TsunaguUser user, Model model, RedirectAttributes redirect) {
		Map<Long, String> messages = new LinkedHashMap<>();
		form.forEach((field, text) -> {
			if (field.startsWith(TO) && field.substring(TO.length()).matches("\\d{1,18}")) {
				messages.put(Long.valueOf(field.substring(TO.length())), text);
			}
		});
		try {
			int sent = this.thanks.thankTeam(id, employee(user), user.getEmail(), messages);
			return done(redirect, id, "attendance.thanks.sent", sent);
		}
		catch (ThanksRefused refused) {
			model.addAttribute("page", this.thanks.page(id, employee(user), messages, refused.findings()));
			model.addAttribute("refusal", refused.messageKey());
			return "attendance/thanks";
		}
	}

	@PostMapping("/plans/{id}/thanks/note")
	String noteToThoseWhoCame(@PathVariable long id, @RequestParam(defaultValue = "") String text,
			@AuthenticationPrincipal TsunaguUser user, Model model, RedirectAttributes redirect) {
		try {
			int sent = this.thanks.noteToThoseWhoCame(id, employee(user), user.getEmail(), text);
			return done(redirect, id, "attendance.note.sent", sent);
		}
		catch (ThanksRefused refused) {
			model.addAttribute("page", this.thanks.page(id, employee(user), Map.of(), Map.of()));
			model.addAttribute("noteRefusal", refused.messageKey());
			model.addAttribute("noteDraft", text);
			return "attendance/thanks";
		}
	}

	@GetMapping("/plans/{id}/series")
	String series(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Model model) {
		model.addAttribute("page", this.series.page(id, employee(user)));
		return "attendance/series";
	}

	private static String done(RedirectAttributes redirect, long id, String key, int count) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashArgs", List.of(count).toArray());
		return "redirect:/plans/" + id + "/thanks";
	}

	private static long employee(TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null) {
			throw new AccessDeniedException("Thank-yous are for employees");
		}
		return user.getEmployeeId();
	}

}
