package io.tsunagu.invitations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.util.WebUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The answer page behind the link in an invitation, without login. GET and HEAD only show (mail
 * scanners open links); only a POST with the CSRF token answers. Every link that leads nowhere gets
 * the same page.
 */
@Controller
class RsvpController {

	private static final Pattern UNSAFE_IN_FILE_NAMES = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");

	private final RsvpAnswers answers;

	private final RsvpMisses misses;

	private final LocaleResolver locales;

	RsvpController(RsvpAnswers answers, RsvpMisses misses, LocaleResolver locales) {
		this.answers = answers;
		this.misses = misses;
		this.locales = locales;
	}

	// The link's token is in the address: no other site may see it in a Referer header.
	@ModelAttribute
	void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	@GetMapping("/rsvp/{token}")
	String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		boolean head = "HEAD".equalsIgnoreCase(request.getMethod());
		Optional<AnswerPage> page = this.answers.open(token, !head);
		if (page.isEmpty()) {
			return miss(request, response);
		}
		speakTheInviteesLanguage(page.get(), request, response);
		model.addAttribute("page", page.get());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new AnswerForm(null, page.get().note()));
		}
		return "invitations/answer";
	}

	/**
	 * "Add to calendar": the event's .ics under the same link, read-only like the page. Returns no view
	 * once the file is written (the response is then handled); a link that leads nowhere gets the page
	 * every such link gets.
	 */
	@GetMapping("/rsvp/{token}/event.ics")
	String calendar(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Optional<RsvpAnswers.CalendarFile> file = this.answers.calendar(token);
		if (file.isEmpty()) {
			return miss(request, response);
		}
		byte[] ics = file.get().ics().getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/calendar; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(fileName(file.get().title()), StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setContentLength(ics.length);
		response.getOutputStream().write(ics);
		return null;
	}

	@PostMapping("/rsvp/{token}")
	String answer(@PathVariable String token, @Valid @ModelAttribute("form") AnswerForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return warn(redirect, token, refusal(binding));
		}
		try {
			Optional<Answer> answer = this.answers.answer(token, form.answer(), form.note());
			if (answer.isEmpty()) {
				return miss(request, response);
			}
			redirect.addFlashAttribute("flash", "rsvp.recorded." + answer.get().name());
		}
		catch (InvitationRefused refused) {
			return warn(redirect, token, refused.messageKey());
		}
		return "redirect:/rsvp/" + token;
	}

	// Nobody logs in here, so the page opens in the invitee's own language, as their mail did; the
	// language switch (or an earlier choice in this browser) still wins.
	private void speakTheInviteesLanguage(AnswerPage page, HttpServletRequest request, HttpServletResponse response) {
		boolean chosen = request.getParameter("lang") != null
				|| WebUtils.getSessionAttribute(request, SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME) != null;
		if (!chosen) {
			this.locales.setLocale(request, response, page.inviteeLocale());
		}
	}

	/**
	 * A link that leads nowhere. Only misses count and only misses are refused: a valid link always
	 * opens, so that a whole office behind one address is never locked out by someone's typos.
	 */
	private String miss(HttpServletRequest request, HttpServletResponse response) {
		if (this.misses.isBlocked(request.getRemoteAddr())) {
			return tooMany(response);
		}
		this.misses.record(request.getRemoteAddr());
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "invitations/invalid";
	}

	/** Why an answer could not be bound: the note's own limits have their own words, anything else is no choice. */
	private static String refusal(BindingResult binding) {
		FieldError note = binding.getFieldError("note");
		if (note == null) {
			return "rsvp.refused.choice";
		}
		return "typeMismatch".equals(note.getCode()) ? "typeMismatch.java.lang.String" : "rsvp.refused.noteTooLong";
	}

	/** The event's title as a file name any system accepts: no path or reserved characters, not too long. */
	static String fileName(String title) {
		String name = UNSAFE_IN_FILE_NAMES.matcher(title).replaceAll("_").strip();
		if (name.length() > 80) {
			name = name.substring(0, name.offsetByCodePoints(0, name.codePointCount(0, 80))).strip();
		}
		return (name.isEmpty() ? "event" : name) + ".ics";
	}

	private static String tooMany(HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", "600");
		return "invitations/too-many";
	}

	private static String warn(RedirectAttributes redirect, String token, String key) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashLevel", "warning");
		return "redirect:/rsvp/" + token;
	}

}
