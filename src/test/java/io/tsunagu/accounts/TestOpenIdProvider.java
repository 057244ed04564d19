package io.tsunagu.accounts;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID provider for the tests: Spring Authorization Server in its own small application context, on a
 * random port of {@code localhost} (Tsunagu is reached at {@code 127.0.0.1}, so the two keep their cookies apart,
 * and Spring Authorization Server accepts no {@code localhost} redirect URI). Its people log in with the password
 * {@link #PASSWORD}; the email claim of each is whatever the test gives it.
 */
final class TestOpenIdProvider implements AutoCloseable {

	static final String PASSWORD = "provider-password";

	static final String CLIENT_ID = "tsunagu";

	static final String CLIENT_SECRET = "tsunagu-secret";

	private final ConfigurableApplicationContext context;

	private TestOpenIdProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts the provider with these people: login name to the email claim (null: no email claim at all). */
	static TestOpenIdProvider start(Map<String, String> people, String unverified) {
		Provider.people.putAll(people);
		Provider.unverified = unverified;
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "spring.application.name=test-openid-provider",
					"server.shutdown=immediate", "spring.config.location=optional:file:/nonexistent/")
			.run();
		return new TestOpenIdProvider(context);
	}

	String issuer() {
		return "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** Registers Tsunagu as a client with the given secret, coming back to the application at this address. */
	void register(String applicationBaseUrl, String secret) {
		RegisteredClient client = RegisteredClient.withId("tsunagu")
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(applicationBaseUrl + "/login/oauth2/code/company")
			.postLogoutRedirectUri(applicationBaseUrl + "/login?logout")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.EMAIL)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
		this.context.getBean(InMemoryRegisteredClientRepository.class).save(client);
	}

	@Override
	public void close() {
		this.context.close();
	}

	// No @Configuration: the application's component scan, which covers this package in tests, must not find it.
	@EnableWebSecurity
	// A servlet for Tomcat to map requests to (without one its filters, Spring Security's among them, never run).
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class })
	static class Provider {

		static final Map<String, String> people = new ConcurrentHashMap<>();

		static volatile String unverified;

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
				.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		UserDetailsService people() {
			InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
			people.keySet().forEach(name -> manager.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()));
			return manager;
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> emailClaim() {
			return context -> {
				if ("id_token".equals(context.getTokenType().getValue())) {
					String name = context.getPrincipal().getName();
					String email = people.get(name);
					if (email != null && !email.isEmpty()) {
						context.getClaims().claim("email", email);
						context.getClaims().claim("email_verified", !name.equals(unverified));
					}
				}
			};
		}

		@Bean
		InMemoryRegisteredClientRepository clients() {
			// Replaced by register() once the application's port is known.
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId("tsunagu")
				.clientId(CLIENT_ID)
				.clientSecret("{noop}" + CLIENT_SECRET)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("http://127.0.0.1/login/oauth2/code/company")
				.scope(OidcScopes.OPENID)
				.build());
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
