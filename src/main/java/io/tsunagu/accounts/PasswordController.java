package io.tsunagu.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Asking for a link to set a password, and setting it from the link. The link's page only shows a
 * form: mail scanners open links, so nothing is used up until the form is sent.
 */
@Controller
class PasswordController {

	private final PasswordLinks links;

	PasswordController(PasswordLinks links) {
		this.links = links;
	}

	@GetMapping("/password")
	String requestForm() {
		return "accounts/password-request";
	}

	@PostMapping("/password")
	String request(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
		this.links.request(email);
		redirect.addFlashAttribute("flash", "password.linkSent");
		return "redirect:/login";
	}

	@GetMapping("/password/{token}")
	String setForm(@PathVariable String token, Model model, HttpServletResponse response) {
		return this.links.check(token).map(email -> {
			model.addAttribute("email", email);
			model.addAttribute("minLength", PasswordLinks.MIN_PASSWORD_LENGTH);
			return "accounts/password-set";
		}).orElseGet(() -> invalid(response));
	}

	@PostMapping("/password/{token}")
	String set(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (password.length() < PasswordLinks.MIN_PASSWORD_LENGTH || !password.equals(confirmation)) {
			model.addAttribute("problem", password.equals(confirmation) ? "password.tooShort" : "password.mismatch");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return setForm(token, model, response);
		}
		HttpSession session = request.getSession(false);
		if (!this.links.setPassword(token, password, session != null ? session.getId() : null)) {
			return invalid(response);
		}
		redirect.addFlashAttribute("flash", "password.set");
		return "redirect:/login";
	}

	// Unknown, used and expired links look alike: the page gives no hint which it was.
	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "accounts/password-invalid";
	}

}
