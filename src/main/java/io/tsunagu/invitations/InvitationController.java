package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.IllegalPlanChange;

@Controller
class InvitationController {

	private final InvitationWaves waves;

	private final MessageSource messages;

	InvitationController(InvitationWaves waves, MessageSource messages) {
		this.waves = waves;
		this.messages = messages;
	}

	@GetMapping("/plans/{id}/invitations")
	String page(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Answer answer, @AuthenticationPrincipal TsunaguUser user, Model model) {
		// The first look at an event hosted again opens its list with last time's people (once).
		model.addAttribute("prefilled", this.waves.openFirstWave(id, employee(user), user.getEmail()));
		model.addAttribute("page", this.waves.page(id, employee(user), q, answer));
		return "invitations/wave";
	}

	/**
	 * The sending progress of a wave, polled by its block while mail is going out. Counts the page already
	 * shows get an empty answer, so the block is not replaced and not read out again.
	 */
	@GetMapping("/plans/{id}/invitations/waves/{waveId}/progress")
	String progress(@PathVariable long id, @PathVariable long waveId, @RequestParam(required = false) String shown,
			@AuthenticationPrincipal TsunaguUser user, Model model, HttpServletResponse response) {
		WaveProgress progress = this.waves.progress(id, waveId, employee(user));
		if (progress.isUnchangedSince(shown)) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		model.addAttribute("progress", progress);
		return "invitations/progress :: progress";
	}

	@PostMapping("/plans/{id}/invitations/invitees")
	String add(@PathVariable long id, @RequestParam long employeeId, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		EmployeeRef added;
		try {
			added = this.waves.add(id, employee(user), user.getEmail(), employeeId);
		}
		catch (InvitationRefused refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "invitations.added", added.name());
	}

	@PostMapping("/plans/{id}/invitations/{invitationId}/message")
	String write(@PathVariable long id, @PathVariable long invitationId, MessageForm form,
			@AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		try {
			this.waves.write(id, invitationId, employee(user), form.text());
		}
		catch (InvitationRefused refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "invitations.saved");
	}

	@PostMapping("/plans/{id}/invitations/{invitationId}/remove")
	String remove(@PathVariable long id, @PathVariable long invitationId, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		String removed;
		try {
			removed = this.waves.remove(id, invitationId, employee(user), user.getEmail());
		}
		catch (InvitationRefused refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "invitations.removed", removed);
	}

	@PostMapping("/plans/{id}/invitations/send")
	String send(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		try {
			WaveOutcome outcome = this.waves.send(id, employee(user), user.getEmail());
			redirect.addFlashAttribute("flashArgs", new Object[] { outcome.invited() });
			redirect.addFlashAttribute("unreached", outcome.unreached());
		}
		catch (InvitationRefused refused) {
			return warn(redirect, id, refused.messageKey());
		}
		catch (IllegalPlanChange refused) {
			return warn(redirect, id, "invitations.refused.notApproved");
		}
		return flash(redirect, id, "invitations.sent");
	}

	@GetMapping("/plans/{id}/invitations/attendees.csv")
	ResponseEntity<byte[]> attendees(@PathVariable long id, @AuthenticationPrincipal TsunaguUser user, Locale locale) {
		String csv = this.waves.attendeesCsv(id, employee(user), key -> this.messages.getMessage(key, null, locale),
				locale);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("attendees-" + id + ".csv").build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/plans/{id}/invitations/{invitationId}/decline-reply")
	String replyToDecline(@PathVariable long id, @PathVariable long invitationId, MessageForm form,
			@AuthenticationPrincipal TsunaguUser user, RedirectAttributes redirect) {
		EmployeeRef answered;
		try {
			answered = this.waves.replyToDecline(id, invitationId, employee(user), user.getEmail(), form.text());
		}
		catch (InvitationRefused refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "invitations.declineReply.sent", answered.name());
	}

	@PostMapping("/plans/{id}/invitations/capacity")
	String capacity(@PathVariable long id, CapacityForm form, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		try {
			int promoted = this.waves.changeCapacity(id, employee(user), user.getEmail(),
					form.capacity() == null ? 0 : form.capacity());
			redirect.addFlashAttribute("flashArgs", new Object[] { form.capacity(), promoted });
		}
		catch (InvitationRefused refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "invitations.capacity.changed");
	}

	@PostMapping("/plans/{id}/invitations/reminders")
	String reminders(@PathVariable long id, ReminderForm form, @AuthenticationPrincipal TsunaguUser user,
			RedirectAttributes redirect) {
		try {
			this.waves.chooseReminders(id, employee(user), user.getEmail(), Boolean.TRUE.equals(form.pending()),
					form.days() == null ? 0 : form.days(), Boolean.TRUE.equals(form.attending()));
		}
		catch (InvitationRefused refused) {
			return warn(redirect, id, refused.messageKey());
		}
		return flash(redirect, id, "invitations.reminders.saved");
	}

	/** Which reminders the organiser wants; an unticked box is not sent at all. */
	record ReminderForm(Boolean pending, Integer days, Boolean attending) {
	}

	/** The number of seats the organiser wants. */
	record CapacityForm(Integer capacity) {
	}

	/** A personal message or reply as the organiser wrote it. */
	record MessageForm(String text) {
	}

	static long employee(TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null) {
			throw new AccessDeniedException("Invitations are for employees");
		}
		return user.getEmployeeId();
	}

	/** A confirmation; it names the people concerned, never their addresses. */
	private static String flash(RedirectAttributes redirect, long id, String key, Object... args) {
		redirect.addFlashAttribute("flash", key);
		if (args.length > 0) {
			redirect.addFlashAttribute("flashArgs", args);
		}
		return "redirect:/plans/" + id + "/invitations";
	}

	private static String warn(RedirectAttributes redirect, long id, String key) {
		redirect.addFlashAttribute("flash", key);
		redirect.addFlashAttribute("flashLevel", "warning");
		return "redirect:/plans/" + id + "/invitations";
	}

}
