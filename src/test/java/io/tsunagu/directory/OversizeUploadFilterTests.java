package io.tsunagu.directory;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.Part;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockPart;

import static org.assertj.core.api.Assertions.assertThat;

class OversizeUploadFilterTests {

	private final OversizeUploadFilter filter = new OversizeUploadFilter();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@Test
	void sendsAnUploadOverTheServerLimitBackToTheImportPage() throws Exception {
		// What Tomcat 11 throws when the first parameter is read and a part is too large.
		MockHttpServletRequest request = importRequest(new IllegalStateException(
				new Exception("The field employees exceeds its maximum permitted size of 67108864 bytes.")));

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.response.getRedirectedUrl()).isEqualTo("/admin/directory?tooLarge");
		assertThat(this.chain.getRequest()).as("passed on").isNull();
	}

	@Test
	void passesAnUploadWithinTheLimitOn() throws Exception {
		MockHttpServletRequest request = importRequest(null);

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.response.getRedirectedUrl()).isNull();
	}

	@Test
	void leavesOtherRequestsAlone() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/plans");
		request.setContentType("multipart/form-data; boundary=x");

		this.filter.doFilter(request, this.response, this.chain);

		assertThat(this.chain.getRequest()).isSameAs(request);
	}

	private static MockHttpServletRequest importRequest(RuntimeException failure) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/directory/import") {

			@Override
			public Collection<Part> getParts() {
				if (failure != null) {
					throw failure;
				}
				return List.of(new MockPart("employees", "employees.csv", new byte[] { 'a' }));
			}

		};
		request.setContentType("multipart/form-data; boundary=x");
		return request;
	}

}
