package io.tsunagu.accounts;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Single sign-on set up against an issuer nobody answers at, with the login form switched off: the application
 * starts all the same, and a sign-in says which setting to check.
 */
@SpringBootTest(properties = { "tsunagu.sso.issuer-uri=http://127.0.0.1:9/nobody-here", "tsunagu.sso.client-id=tsunagu",
		"tsunagu.sso.client-secret=secret", "tsunagu.login.form-enabled=false" })
@AutoConfigureMockMvc
class SingleSignOnSettingsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anIssuerThatCannotBeReachedStopsOnlySingleSignOnAndNamesTheSetting() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/company")).andExpect(redirectedUrl("/login?sso=issuer"));
		String page = this.mvc.perform(get("/login").param("sso", "issuer").param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("TSUNAGU_SSO_ISSUER_URI").contains("Sign in with your company account");
	}

	@Test
	void withTheFormSwitchedOffTheLoginPageOffersOnlyTheCompanyAccountAndAPasswordLetsNobodyIn() throws Exception {
		String page = this.mvc.perform(get("/login").param("lang", "ja")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("会社のアカウントでログイン").doesNotContain("id=\"password\"").doesNotContain("/password\"");

		this.mvc.perform(post("/login").with(csrf()).param("email", "organiser@tsunagu.example").param("password", "tsunagu-demo"))
			.andExpect(unauthenticated());
	}

	@Test
	void settingsThatCannotWorkNameTheMissingSetting() {
		assertThatThrownBy(() -> settings("https://login.example.com/tenant/v2.0", null, "secret"))
			.hasMessageContaining("TSUNAGU_SSO_CLIENT_ID");
		assertThatThrownBy(() -> settings("https://login.example.com/tenant/v2.0", "tsunagu", " "))
			.hasMessageContaining("TSUNAGU_SSO_CLIENT_SECRET");
		assertThatThrownBy(() -> settings("login.example.com", "tsunagu", "secret")).hasMessageContaining("TSUNAGU_SSO_ISSUER_URI");
		assertThat(settings("", null, null).enabled()).isFalse();
		assertThat(settings("https://accounts.google.com", "tsunagu", "secret").emailClaim()).isEqualTo("email");
	}

	private static SsoSettings settings(String issuer, String clientId, String secret) {
		return new SsoSettings(issuer, clientId, secret, null, "company", List.of("openid", "email"), true);
	}

}
