package io.tsunagu.invitations;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.accounts.TsunaguUser;

import static io.tsunagu.invitations.InvitationController.employee;

/**
 * The second wave: the organiser chooses a segment, writes one announcement, previews who it reaches,
 * then sends it. Both post the form to the page's own address (only the Send button adds {@code send}),
 * so the page can be shown again as it was filled in, and nothing written is lost.
 */
@Controller
class BroadcastController {

	private final Broadcasts broadcasts;

	private final MessageSource messages;

	BroadcastController(Broadcasts broadcasts, MessageSource messages) {
		this.broadcasts = broadcasts;
		this.messages = messages;
	}

	@GetMapping("/plans/{id}/invitations/broadcast")
	String page(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Model model) {
		return show(this.broadcasts.page(id, employee(user)), model);
	}

	@PostMapping("/plans/{id}/invitations/broadcast")
	String preview(@PathVariable long id, @ModelAttribute("form") BroadcastForm form, BindingResult binding,
			@AuthenticationPrincipal TsunaguUser user, Model model) {
		if (binding.hasErrors()) {
			return unbound(id, form, binding, user, model);
		}
		try {
			return show(this.broadcasts.preview(id, employee(user), form), model);
		}
		catch (InvitationRefused refused) {
			return refused(id, form, user, model, refused);
		}
	}

	@PostMapping(path = "/plans/{id}/invitations/broadcast", params = "send")
	String send(@PathVariable long id, @ModelAttribute("form") BroadcastForm form, BindingResult binding,
			@AuthenticationPrincipal TsunaguUser user, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return unbound(id, form, binding, user, model);
		}
		try {
			WaveOutcome outcome = this.broadcasts.send(id, employee(user), user.getEmail(), form);
			redirect.addFlashAttribute("flash", "broadcast.sent");
			redirect.addFlashAttribute("flashArgs", new Object[] { outcome.invited() });
			redirect.addFlashAttribute("unreached", outcome.unreached());
		}
		catch (InvitationRefused refused) {
			return refused(id, form, user, model, refused);
		}
		return "redirect:/plans/" + id + "/invitations/broadcast";
	}

	private String refused(long id, BroadcastForm form, TsunaguUser user, Model model, InvitationRefused refused) {
		model.addAttribute("flash", refused.messageKey());
		model.addAttribute("flashLevel", "warning");
		return show(this.broadcasts.page(id, employee(user), form), model);
	}

	/**
	 * The form could not be read as typed (text with control characters, say): the page again, with the
	 * words of the first problem, and the fields as far as they could be bound.
	 */
	private String unbound(long id, BroadcastForm form, BindingResult binding, TsunaguUser user, Model model) {
		ObjectError error = binding.getAllErrors().get(0);
		String key = Arrays.stream(error.getCodes())
			.filter(code -> this.messages.getMessage(code, null, null, Locale.ENGLISH) != null)
			.findFirst()
			.orElse("typeMismatch");
		model.addAttribute("flash", key);
		model.addAttribute("flashLevel", "warning");
		BroadcastForm shown = form != null ? form : new BroadcastForm(null, null, null, null, null, null);
		return show(this.broadcasts.page(id, employee(user), shown), model);
	}

	private static String show(BroadcastPage page, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("form", page.form());
		return "invitations/broadcast";
	}

}
