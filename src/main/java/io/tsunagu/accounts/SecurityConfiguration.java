package io.tsunagu.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.tsunagu.directory.DemoMode;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// Everything comes from this server (WebJars, no CDN), so the policy can be strict.
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * The answer page behind the link in an invitation works without login: its token is the
	 * credential. Its GET and HEAD open no session, so its CSRF token lives in a cookie of its own.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain answerPages(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookiePath("/rsvp");
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		http.securityMatcher("/rsvp/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(tokens))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new SessionlessReads(), SecurityContextHolderFilter.class)
			// The token's cookie is set before the page is written: a header added once the response is
			// committed (a long page) would be lost, and the form's token with it.
			.addFilterAfter((request, response, chain) -> {
				if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
					token.getToken();
				}
				chain.doFilter(request, response);
			}, CsrfFilter.class);
		return secureHeaders(http).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginOutcomes outcomes, DemoMode demo) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> anyone = AuthenticatedAuthorizationManager.authenticated();
		AuthorizationManager<RequestAuthorizationContext> admins = AuthorityAuthorizationManager.hasRole("ADMIN");
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/password", "/password/*", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole("ADMIN")
			// The built-in mailbox shows everybody's mail: administrators only, except in the demo company
			// (asked at each request: the demo can be left while the application runs).
			.requestMatchers("/mailbox/**", "/mailbox")
			.access((authentication, context) -> (demo.isOn() ? anyone : admins).authorize(authentication, context))
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(outcomes)
				.failureHandler(outcomes)
				.permitAll())
			// A page's own background requests (htmx) get 401 once the session is gone, not the login page
			// swapped into part of the page; the script then reloads the page, which goes to the login.
			.exceptionHandling(errors -> errors.authenticationEntryPoint(loginOrUnauthorizedInTheBackground()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		return secureHeaders(http).build();
	}

	private static HttpSecurity secureHeaders(HttpSecurity http) throws Exception {
		return http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				// DENY unless a page says otherwise (the mailbox frames a message's HTML on its own origin).
				.frameOptions(frame -> frame.disable())
				.addHeaderWriter((request, response) -> {
					if (!response.containsHeader("X-Frame-Options")) {
						response.setHeader("X-Frame-Options", "DENY");
					}
				}));
	}

	private static AuthenticationEntryPoint loginOrUnauthorizedInTheBackground() {
		AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, ex) -> {
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.sendError(HttpStatus.UNAUTHORIZED.value());
			}
			else {
				login.commence(request, response, ex);
			}
		};
	}

	/**
	 * No observation around each of the security filters of every request: they cost more than the
	 * page's own work on a light page, and nothing reads them (requests are still measured as a whole).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
