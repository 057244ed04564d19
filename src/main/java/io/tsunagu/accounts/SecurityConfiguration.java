package io.tsunagu.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
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
@EnableConfigurationProperties(SsoSettings.class)
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
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginOutcomes outcomes, DemoMode demo, SsoSettings sso,
			CompanyAccounts companyAccounts, SsoFailures ssoFailures,
			@Value("${tsunagu.login.form-enabled:true}") boolean formEnabled) throws Exception {
		if (!formEnabled && !sso.enabled()) {
			throw new IllegalStateException("TSUNAGU_LOGIN_FORM_ENABLED (tsunagu.login.form-enabled) is false but single "
					+ "sign-on is not set up (" + SsoSettings.ISSUER + "): nobody could log in");
		}
		AuthorizationManager<RequestAuthorizationContext> anyone = AuthenticatedAuthorizationManager.authenticated();
		AuthorizationManager<RequestAuthorizationContext> admins = AuthorityAuthorizationManager.hasRole("ADMIN");
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/login/refused", "/password", "/password/*", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole("ADMIN")
			// The built-in mailbox shows everybody's mail: administrators only, except in the demo company
			// (asked at each request: the demo can be left while the application runs).
			.requestMatchers("/mailbox/**", "/mailbox")
			.access((authentication, context) -> (demo.isOn() ? anyone : admins).authorize(authentication, context))
			.anyRequest()
			.authenticated());
		if (formEnabled) {
			http.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(outcomes)
				.failureHandler(outcomes)
				.permitAll());
		}
		CompanyProvider provider = sso.enabled() ? new CompanyProvider(sso) : null;
		if (provider != null) {
			singleSignOn(http, provider, companyAccounts, outcomes, ssoFailures);
		}
		http.csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
			// A page's own background requests (htmx) get 401 once the session is gone, not the login page
			// swapped into part of the page; the script then reloads the page, which goes to the login.
			.exceptionHandling(errors -> errors.authenticationEntryPoint(loginOrUnauthorizedInTheBackground()))
			.logout(logout -> {
				if (provider != null) {
					logout.logoutSuccessHandler(new ProviderLogout(provider, sso.providerLogout()));
				}
				else {
					logout.logoutSuccessUrl("/login?logout");
				}
			});
		return secureHeaders(http).build();
	}

	/**
	 * OpenID Connect sign-in at the company's provider. The person signed in becomes a {@link TsunaguUser} (an
	 * {@link SsoUser}) matched by {@link CompanyAccounts}, so every page sees the same principal as after the
	 * login form. The provider's tokens are not kept: Tsunagu calls none of its APIs, and the authorized client
	 * would put them and the client secret into the session rows; the id token that logout at the provider
	 * needs travels on the {@link SsoUser}.
	 */
	private static void singleSignOn(HttpSecurity http, CompanyProvider provider, CompanyAccounts companyAccounts,
			LoginOutcomes outcomes, SsoFailures failures) throws Exception {
		http.oauth2Login(login -> login.loginPage("/login")
			.clientRegistrationRepository(provider)
			.authorizedClientRepository(new KeepNoAuthorizedClient())
			.successHandler(outcomes)
			.failureHandler(failures)
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
				@Override
				public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationResultConverter(companyAccounts);
					return filter;
				}
			})
			// A provider that cannot be asked for its addresses: back to the login page with a message, not an error page.
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(failures);
					return filter;
				}
			}));
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
