package io.tsunagu.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final String singleSignOn;

	private final boolean formEnabled;

	LoginController(SsoSettings sso, @Value("${tsunagu.login.form-enabled:true}") boolean formEnabled) {
		this.singleSignOn = sso.enabled() ? "/oauth2/authorization/" + sso.registrationId() : null;
		this.formEnabled = formEnabled;
	}

	@GetMapping("/login")
	String login(Authentication authentication, Model model) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("singleSignOn", this.singleSignOn);
		model.addAttribute("formEnabled", this.formEnabled);
		return "accounts/login";
	}

	/** A person the company's provider signed in whom Tsunagu does not let in: why, and whom to ask. */
	@GetMapping("/login/refused")
	String refused(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			model.addAttribute("email", session.getAttribute(SsoFailures.REFUSED_EMAIL));
			session.removeAttribute(SsoFailures.REFUSED_EMAIL);
		}
		return "accounts/sso-refused";
	}

}
