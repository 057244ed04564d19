package io.tsunagu.invitations;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	BroadcastController(Broadcasts broadcasts) {
		this.broadcasts = broadcasts;
	}

	@GetMapping("/plans/{id}/invitations/broadcast")
	String page(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Model model) {
		return show(this.broadcasts.page(id, employee(user)), model);
	}

	@PostMapping("/plans/{id}/invitations/broadcast")
	String preview(@PathVariable long id, BroadcastForm form, @AuthenticationPrincipal TsunaguUser user, Model model) {
		try {
			return show(this.broadcasts.preview(id, employee(user), form), model);
		}
		catch (InvitationRefused refused) {
			return refused(id, form, user, model, refused);
		}
	}

	@PostMapping(path = "/plans/{id}/invitations/broadcast", params = "send")
	String send(@PathVariable long id, BroadcastForm form, @AuthenticationPrincipal TsunaguUser user, Model model,
			RedirectAttributes redirect) {
		try {
			int sent = this.broadcasts.send(id, employee(user), user.getEmail(), form);
			redirect.addFlashAttribute("flash", "broadcast.sent");
			redirect.addFlashAttribute("flashArgs", new Object[] { sent });
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

	private static String show(BroadcastPage page, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("form", page.form());
		return "invitations/broadcast";
	}

}
