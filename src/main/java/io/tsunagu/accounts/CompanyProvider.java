package io.tsunagu.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The company's OpenID provider as the one client registration of single sign-on. Its addresses come
 * from the issuer's discovery document, read at the first sign-in rather than at start-up: a provider
 * that cannot be reached stops single sign-on only, with a message that names the setting, while the
 * rest of the application (the login form among it) runs on. Once read, the document is kept.
 */
final class CompanyProvider implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(CompanyProvider.class);

	private final SsoSettings settings;

	private volatile ClientRegistration registration;

	CompanyProvider(SsoSettings settings) {
		this.settings = settings;
	}

	String registrationId() {
		return this.settings.registrationId();
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!this.settings.registrationId().equals(registrationId)) {
			return null;
		}
		ClientRegistration found = this.registration;
		if (found == null) {
			found = discover();
			this.registration = found;
		}
		return found;
	}

	private ClientRegistration discover() {
		ClientRegistration.Builder builder;
		try {
			builder = ClientRegistrations.fromIssuerLocation(this.settings.issuerUri());
		}
		catch (RuntimeException ex) {
			Unavailable unavailable = new Unavailable(SsoSettings.ISSUER + " (" + this.settings.issuerUri()
					+ "): the OpenID provider's discovery document could not be read: " + shortened(ex.getMessage()), ex);
			log.error("Single sign-on is unavailable. {}", unavailable.getMessage());
			throw unavailable;
		}
		return builder.registrationId(this.settings.registrationId())
			.clientId(this.settings.clientId())
			.clientSecret(this.settings.clientSecret())
			.scope(this.settings.scopes())
			// From the request (behind a proxy, with forwarded headers): the address the browser used.
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.userNameAttributeName("sub")
			.build();
	}

	private static String shortened(String message) {
		return message == null || message.length() <= 300 ? message : message.substring(0, 300) + "…";
	}

	/** The provider could not be asked for its addresses; the message names the setting to check. */
	static final class Unavailable extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
