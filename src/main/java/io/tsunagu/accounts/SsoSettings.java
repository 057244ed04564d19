package io.tsunagu.accounts;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with the company's OpenID provider, set entirely by environment (see README). Single
 * sign-on is on when an issuer is given; the login form stays unless {@code formEnabled} is false.
 *
 * @param issuerUri the provider's issuer ({@code TSUNAGU_SSO_ISSUER_URI}); its discovery document names the rest
 * @param clientId the client registered for Tsunagu at the provider ({@code TSUNAGU_SSO_CLIENT_ID})
 * @param clientSecret that client's secret ({@code TSUNAGU_SSO_CLIENT_SECRET})
 * @param emailClaim the claim that holds the person's company email address ({@code TSUNAGU_SSO_EMAIL_CLAIM})
 * @param registrationId the last part of the redirect URI, {@code {base-url}/login/oauth2/code/{registrationId}}
 * @param scopes the scopes asked for
 * @param providerLogout whether logging out of Tsunagu also ends the session at the provider, where it offers
 * that ({@code TSUNAGU_SSO_PROVIDER_LOGOUT})
 */
@ConfigurationProperties("tsunagu.sso")
record SsoSettings(String issuerUri, String clientId, String clientSecret, @DefaultValue("email") String emailClaim,
		@DefaultValue("company") String registrationId, @DefaultValue({ "openid", "email", "profile" }) List<String> scopes,
		@DefaultValue("true") boolean providerLogout) {

	static final String ISSUER = "TSUNAGU_SSO_ISSUER_URI";

	static final String CLIENT_ID = "TSUNAGU_SSO_CLIENT_ID";

	static final String CLIENT_SECRET = "TSUNAGU_SSO_CLIENT_SECRET";

	static final String EMAIL_CLAIM = "TSUNAGU_SSO_EMAIL_CLAIM";

	/**
	 * Settings that cannot work stop the start-up and name the setting; an issuer that merely cannot be
	 * reached now is found out at sign-in, so the rest of the application starts.
	 */
	SsoSettings {
		issuerUri = blankToNull(issuerUri);
		clientId = blankToNull(clientId);
		clientSecret = blankToNull(clientSecret);
		emailClaim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim.trim();
		if (issuerUri != null) {
			URI issuer;
			try {
				issuer = URI.create(issuerUri);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(ISSUER + " is not a URI: " + issuerUri, ex);
			}
			if (!"https".equals(issuer.getScheme()) && !"http".equals(issuer.getScheme()) || issuer.getHost() == null) {
				throw new IllegalArgumentException(ISSUER + " must be the provider's https:// address, not " + issuerUri);
			}
			if (clientId == null) {
				throw new IllegalArgumentException(ISSUER + " is set, so " + CLIENT_ID + " must be too");
			}
			if (clientSecret == null) {
				throw new IllegalArgumentException(ISSUER + " is set, so " + CLIENT_SECRET + " must be too");
			}
			if (registrationId == null || !registrationId.matches("[a-z0-9-]+")) {
				throw new IllegalArgumentException("tsunagu.sso.registration-id must be lower-case letters, digits and -");
			}
		}
	}

	boolean enabled() {
		return this.issuerUri != null;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
