package io.tsunagu.attendance;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.directory.EmployeeRef;

/**
 * The page a personal check-in code opens on an organiser's phone: who it is, and one button that checks
 * them in. GET and HEAD only show. Whoever is not an organiser of the code's event gets the page every
 * code that leads nowhere gets, and changes nothing; someone not logged in is sent to log in first,
 * whatever the code, so that an organiser whose session ran out comes back here.
 */
@Controller
class CheckInCodeController {

	private final CheckInCodes codes;

	CheckInCodeController(CheckInCodes codes) {
		this.codes = codes;
	}

	@GetMapping("/check-in/{code}")
	String scan(@PathVariable String code, @AuthenticationPrincipal(expression = "employeeId") Long me, Model model,
			HttpServletResponse response) {
		Optional<CheckInCodes.Scan> scan = me == null ? Optional.empty() : this.codes.scan(code, me);
		if (scan.isEmpty()) {
			return nowhere(response);
		}
		model.addAttribute("scan", scan.get());
		model.addAttribute("code", code);
		// A key for this page's one tap: sent twice (a double tap, a lost reply), it checks in once.
		model.addAttribute("tapKey", UUID.randomUUID());
		return "attendance/scan";
	}

	@PostMapping("/check-in/{code}")
	String checkIn(@PathVariable String code, @RequestParam(required = false) UUID tapKey,
			@AuthenticationPrincipal(expression = "employeeId") Long me, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<EmployeeRef> person;
		try {
			person = me == null ? Optional.empty() : this.codes.checkIn(code, me, tapKey);
		}
		catch (CheckInRefused refused) {
			redirect.addFlashAttribute("flash", refused.messageKey());
			redirect.addFlashAttribute("flashLevel", "warning");
			return "redirect:/check-in/" + code;
		}
		if (person.isEmpty()) {
			return nowhere(response);
		}
		redirect.addFlashAttribute("flash", "attendance.code.checkedInFlash");
		redirect.addFlashAttribute("flashArgs", new Object[] { person.get().name() });
		return "redirect:/check-in/" + code;
	}

	private static String nowhere(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "attendance/no-code";
	}

}
