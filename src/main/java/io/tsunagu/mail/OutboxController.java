package io.tsunagu.mail;

import java.security.Principal;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


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
	String resend(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		boolean resent = this.administration.resend(id, user.getName());
		redirect.addFlashAttribute("flash", resent ? "outbox.resent" : "outbox.notFailed");
		return "redirect:/admin/outbox";
	}

	@PostMapping("/{id}/dismiss")
	String dismiss(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		boolean dismissed = this.administration.dismiss(id, user.getName());
		redirect.addFlashAttribute("flash", dismissed ? "outbox.dismissed" : "outbox.notFailed");
		return "redirect:/admin/outbox";
	}

	@PostMapping("/test")
	String sendTestMessage(Principal user, Locale locale, RedirectAttributes redirect) {
		this.administration.sendTestMessage(user.getName(), locale);
		redirect.addFlashAttribute("flash", "outbox.testQueued");
		redirect.addFlashAttribute("flashArgs", new Object[] { user.getName() });
		return "redirect:/admin/outbox";
	}

}
