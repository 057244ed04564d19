package io.tsunagu.mail;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.accounts.TsunaguUser;

@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

	private final MailQueue queue;

	private final Mailbox mailbox;

	private final OutboxAdministration administration;

	OutboxController(MailQueue queue, Mailbox mailbox, OutboxAdministration administration) {
		this.queue = queue;
		this.mailbox = mailbox;
		this.administration = administration;
	}

	@GetMapping
	String outbox(Model model) {
		model.addAttribute("counts", this.queue.countByStatus());
		model.addAttribute("oldestQueuedAge", this.queue.oldestQueuedAge().orElse(null));
		model.addAttribute("failed", this.mailbox.failed());
		return "mail/outbox";
	}

	@PostMapping("/{id}/resend")
	String resend(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		boolean resent = this.administration.resend(id, user.getEmail());
		redirect.addFlashAttribute("flash", resent ? "outbox.resent" : "outbox.notFailed");
		return "redirect:/admin/outbox";
	}

	@PostMapping("/{id}/dismiss")
	String dismiss(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		boolean dismissed = this.administration.dismiss(id, user.getEmail());
		redirect.addFlashAttribute("flash", dismissed ? "outbox.dismissed" : "outbox.notFailed");
		return "redirect:/admin/outbox";
	}

	@PostMapping("/test")
	String sendTestMessage(@AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		this.administration.sendTestMessage(user.getEmail(), user.getDisplayName(), user.getLocale());
		redirect.addFlashAttribute("flash", "outbox.testQueued");
		redirect.addFlashAttribute("flashArgs", new Object[] { user.getEmail() });
		return "redirect:/admin/outbox";
	}

}
