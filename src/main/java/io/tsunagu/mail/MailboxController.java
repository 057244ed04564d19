package io.tsunagu.mail;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The built-in mailbox: what Tsunagu sent (or would send), by recipient, newest first. A mail that
 * only its recipient may read is, for anyone else, as if it did not exist.
 */
@Controller
@RequestMapping("/mailbox")
class MailboxController {

	// Mail HTML carries its own inline styles; it is shown framed, without scripts, and links open on top.
	private static final String MAIL_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "img-src data: http: https:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

	private final Mailbox mailbox;

	MailboxController(Mailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping
	String list(@RequestParam(required = false) String recipient, @RequestParam(defaultValue = "0") int page,
			Principal viewer, Model model) {
		model.addAttribute("recipient", recipient);
		model.addAttribute("page", this.mailbox.list(viewer.getName(), recipient, page));
		return "mail/mailbox";
	}

	@GetMapping("/{id}")
	String message(@PathVariable long id, Principal viewer, Model model) {
		model.addAttribute("message", this.mailbox.find(id, viewer.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "mail/message";
	}

	@GetMapping("/{id}/html")
	ResponseEntity<String> html(@PathVariable long id, Principal viewer) {
		MailboxMessage message = this.mailbox.find(id, viewer.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String html = message.html().replaceFirst("(?i)<head>", "<head><base target=\"_top\">");
		// A mail program shows the parts the HTML names by Content-ID; here they are served as attachments.
		for (MailboxMessage.AttachmentInfo part : message.attachments()) {
			if (part.contentId() != null) {
				html = html.replace("\"cid:" + part.contentId() + "\"",
						"\"/mailbox/" + id + "/attachments/" + part.position() + "\"");
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", MAIL_CONTENT_SECURITY_POLICY)
			.header("X-Frame-Options", "SAMEORIGIN")
			.body(html);
	}

	@GetMapping("/{id}/attachments/{position}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable int position, Principal viewer) {
		MailAttachment attachment = this.mailbox.attachment(id, position, viewer.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.filename(), StandardCharsets.UTF_8).build().toString())
			.body(attachment.content());
	}

}
