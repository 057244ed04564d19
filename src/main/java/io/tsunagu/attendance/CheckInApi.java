package io.tsunagu.attendance;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.tsunagu.attendance.CheckInPageController.organiser;

/**
 * What the check-in page's script asks: who is in (polled), a tap (sent at once, or later from the
 * phone's queue), and colleagues to check in as walk-ins. A refusal is JSON with its message in the
 * organiser's language.
 */
@RestController
class CheckInApi {

	private final CheckInLists lists;

	private final CheckIns checkIns;

	private final MessageSource messages;

	CheckInApi(CheckInLists lists, CheckIns checkIns, MessageSource messages) {
		this.lists = lists;
		this.checkIns = checkIns;
		this.messages = messages;
	}

	@GetMapping("/plans/{id}/check-in/state")
	CheckInLists.DoorState state(@PathVariable long id, @AuthenticationPrincipal(expression = "employeeId") Long me,
			Locale locale) {
		return this.lists.state(id, organiser(me), locale);
	}

	@PostMapping("/plans/{id}/check-in/taps")
	Tapped tap(@PathVariable long id, Tap tap, @AuthenticationPrincipal(expression = "employeeId") Long me) {
		return tap.applyTo(this.checkIns, id, organiser(me))
			.map(came -> new Tapped(tap.employeeId(), true, came.walkIn()))
			.orElseGet(() -> new Tapped(tap.employeeId(), false, false));
	}

	@GetMapping("/plans/{id}/check-in/people")
	List<CheckInLists.Person> people(@PathVariable long id, @RequestParam(defaultValue = "") String q,
			@AuthenticationPrincipal(expression = "employeeId") Long me, Locale locale) {
		return this.lists.walkInCandidates(id, organiser(me), q, locale);
	}

	@ExceptionHandler(CheckInRefused.class)
	ResponseEntity<Map<String, String>> refused(CheckInRefused refused, Locale locale) {
		return ResponseEntity.status(refused.status())
			.body(Map.of("refused", this.messages.getMessage(refused.messageKey(), null, locale)));
	}

	/** The person's state after a tap. */
	record Tapped(long employeeId, boolean checkedIn, boolean walkIn) {
	}

}
