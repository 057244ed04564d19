package io.tsunagu.attendance;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.directory.Directory;

/**
 * The check-in page at the door. Its script keeps working without a connection (check-in.js); without
 * script, each person is a form of their own.
 */
@Controller
class CheckInPageController {

	private final CheckInLists lists;

	private final CheckIns checkIns;

	private final Directory directory;

	CheckInPageController(CheckInLists lists, CheckIns checkIns, Directory directory) {
		this.lists = lists;
		this.checkIns = checkIns;
		this.directory = directory;
	}

	@GetMapping("/plans/{id}/check-in")
	String page(@PathVariable long id, @AuthenticationPrincipal(expression = "employeeId") Long me, Model model,
			HttpServletResponse response) {
		try {
			model.addAttribute("list", this.lists.list(id, organiser(me)));
			return "attendance/check-in";
		}
		catch (CheckInRefused refused) {
			return refused(refused, model, response);
		}
	}

	/** A tap sent by the page's form, without script. */
	@PostMapping("/plans/{id}/check-in")
	String tap(@PathVariable long id, Tap tap, @AuthenticationPrincipal(expression = "employeeId") Long me,
			RedirectAttributes redirect, Model model, HttpServletResponse response) {
		try {
			boolean in = tap.applyTo(this.checkIns, id, organiser(me)).isPresent();
			redirect.addFlashAttribute("flash", in ? "attendance.flash.in" : "attendance.flash.out");
			redirect.addFlashAttribute("flashArgs",
					new Object[] { this.directory.findById(tap.employeeId()).map(e -> e.name()).orElse("") });
		}
		catch (CheckInRefused refused) {
			return refused(refused, model, response);
		}
		return "redirect:/plans/" + id + "/check-in#person-" + tap.employeeId();
	}

	/**
	 * The service worker that keeps the page and its script on the phone. Served here rather than under
	 * /js/ because a worker controls only pages below its own address; each event's page registers it
	 * for that page alone.
	 */
	@GetMapping(value = "/plans/check-in-sw.js", produces = "text/javascript")
	ResponseEntity<Resource> serviceWorker() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(new ClassPathResource("static/js/check-in-sw.js"));
	}

	private static String refused(CheckInRefused refused, Model model, HttpServletResponse response) {
		response.setStatus(refused.status().value());
		model.addAttribute("refused", refused.messageKey());
		return "attendance/refused";
	}

	/** Who taps; an account without an employee (none exists outside tests) is no organiser. */
	static long organiser(Long employeeId) {
		if (employeeId == null) {
			throw new CheckInRefused("attendance.refused.notOrganiser");
		}
		return employeeId;
	}

}
