package io.tsunagu.invitations;

import java.util.Locale;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tsunagu.accounts.TsunaguUser;

/**
 * A logged-in employee's own invitations: every one, a page at a time (the home page shows the first), and
 * answering one without its mail.
 */
@Controller
class MyInvitationsController {

	static final int PAGE_SIZE = 20;

	private final MyInvitations mine;

	MyInvitationsController(MyInvitations mine) {
		this.mine = mine;
	}

	@GetMapping("/invitations/mine")
	String list(@RequestParam(defaultValue = "false") boolean attending, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal TsunaguUser user, Model model) {
		long me = employee(user);
		model.addAttribute("attending", attending);
		model.addAttribute("cards", attending ? this.mine.attending(me, page, PAGE_SIZE)
				: this.mine.awaitingAnswer(me, page, PAGE_SIZE));
		return "invitations/mine";
	}

	/**
	 * Opens the answer page of one's own invitation from the home page: a new answer link is issued (a POST, as
	 * it stores one) and followed. Anyone else's invitation does not exist here.
	 */
	@PostMapping("/invitations/{invitationId}/answer")
	String answer(@PathVariable long invitationId, @AuthenticationPrincipal TsunaguUser user, Locale locale) {
		return this.mine.answerLink(invitationId, employee(user), locale.getLanguage())
			.map(link -> "redirect:" + link)
			.orElseThrow(InvitationNotFound::new);
	}

	private static long employee(TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null) {
			throw new AccessDeniedException("Invitations are for employees");
		}
		return user.getEmployeeId();
	}

}
