package io.tsunagu.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After Tsunagu's own session has ended: a person who signed in through the company's provider is sent on to the
 * provider's logout (OpenID Connect RP-initiated logout), where the provider offers it and the setting allows,
 * and comes back to the login page; everyone else goes to the login page at once. Spring Security's own
 * handler for this needs the principal to be its {@code OidcUser}, which a {@link TsunaguUser} cannot be.
 */
final class ProviderLogout implements LogoutSuccessHandler {

	private final CompanyProvider provider;

	private final boolean enabled;

	ProviderLogout(CompanyProvider provider, boolean enabled) {
		this.provider = provider;
		this.enabled = enabled;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		String loggedOut = ServletUriComponentsBuilder.fromContextPath(request).path("/login").query("logout").toUriString();
		response.sendRedirect(this.enabled ? providerLogout(authentication, loggedOut) : loggedOut);
	}

	private String providerLogout(Authentication authentication, String loggedOut) {
		if (!(authentication instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof SsoUser user)) {
			return loggedOut;
		}
		ClientRegistration registration;
		try {
			registration = this.provider.findByRegistrationId(token.getAuthorizedClientRegistrationId());
		}
		catch (CompanyProvider.Unavailable ex) {
			return loggedOut;
		}
		Object endSession = registration == null ? null
				: registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
		if (endSession == null) {
			return loggedOut;
		}
		return UriComponentsBuilder.fromUriString(endSession.toString())
			.queryParam("id_token_hint", "{token}")
			.queryParam("client_id", "{client}")
			.queryParam("post_logout_redirect_uri", "{back}")
			.encode()
			.buildAndExpand(user.idToken(), registration.getClientId(), loggedOut)
			.toUriString();
	}

}
