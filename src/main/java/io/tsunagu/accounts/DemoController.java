package io.tsunagu.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tsunagu.directory.DemoMode;

/**
 * Leaving the demo, for an administrator, in one step before the real org chart is imported.
 */
@Controller
@RequestMapping("/admin/demo")
class DemoController {

	private final DemoAccounts demoAccounts;

	private final DemoMode demo;

	private final AccountDetails accountDetails;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	DemoController(DemoAccounts demoAccounts, DemoMode demo, AccountDetails accountDetails) {
		this.demoAccounts = demoAccounts;
		this.demo = demo;
		this.accountDetails = accountDetails;
	}

	@GetMapping
	String form(Model model) {
		if (!this.demo.isOn()) {
			return "redirect:/admin/directory";
		}
		model.addAttribute("minLength", DemoAccounts.MIN_PASSWORD_LENGTH);
		return "accounts/demo";
	}

	@PostMapping
	String leave(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
			@RequestParam(defaultValue = "false") boolean understood, @AuthenticationPrincipal TsunaguUser user,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		String problem = !understood ? "demo.leave.notConfirmed"
				: password.length() < DemoAccounts.MIN_PASSWORD_LENGTH ? "password.tooShort"
						: !password.equals(confirmation) ? "password.mismatch" : null;
		if (problem != null) {
			model.addAttribute("problem", problem);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model);
		}
		try {
			this.demoAccounts.leave(user.getEmail(), password, request.getSession().getId());
		}
		catch (IllegalStateException notTheDemo) {
			return "redirect:/admin/directory";
		}
		staySignedIn(user.getEmail(), request, response);
		redirect.addFlashAttribute("flash", "demo.left");
		return "redirect:/admin/directory";
	}

	// The employee behind the account left the directory with the demo: the session gets the account as
	// it is now, under a new session id.
	private void staySignedIn(String email, HttpServletRequest request, HttpServletResponse response) {
		UserDetails account = this.accountDetails.loadUserByUsername(email);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		request.changeSessionId();
	}

}
