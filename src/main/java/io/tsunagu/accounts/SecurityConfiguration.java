package io.tsunagu.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// Everything comes from this server (WebJars, no CDN), so the policy can be strict.
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginOutcomes outcomes) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(outcomes)
				.failureHandler(outcomes)
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
