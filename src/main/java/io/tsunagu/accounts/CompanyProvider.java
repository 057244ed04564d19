package io.tsunagu.accounts;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.web.client.RestClient;

/**
 * The company's OpenID provider as the one client registration of single sign-on. Its addresses come
 * from the issuer's discovery document, read at the first sign-in rather than at start-up: a provider
 * that cannot be reached stops single sign-on only, with a message that names the setting, while the
 * rest of the application (the login form among it) runs on. Once read, the document is kept; until then each
 * sign-in asks again, within a few seconds.
 */
final class CompanyProvider implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(CompanyProvider.class);

	// A provider that does not answer holds up one sign-in for seconds, not a request thread for minutes.
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final SsoSettings settings;

	private final RestClient http;

	private volatile ClientRegistration registration;

	CompanyProvider(SsoSettings settings) {
		this.settings = settings;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(CONNECT_TIMEOUT);
		requests.setReadTimeout(READ_TIMEOUT);
		this.http = RestClient.builder().requestFactory(requests).build();
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
			String issuer = this.settings.issuerUri();
			String discovery = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
					+ "/.well-known/openid-configuration";
			Map<String, Object> metadata = this.http.get()
				.uri(discovery)
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
			// As Spring Security's own discovery does: a document that names another issuer is not this provider's.
			if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
				throw new IllegalStateException("the document at " + discovery + " names the issuer "
						+ (metadata == null ? null : metadata.get("issuer")) + ", not " + issuer);
			}
			builder = ClientRegistrations.fromOidcConfiguration(metadata);
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
