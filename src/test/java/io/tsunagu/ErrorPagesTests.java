package io.tsunagu;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages come from the servlet container's error dispatch, so they are tested on a running
 * server: in the application's layout, in the person's language, with the right status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Test
	void showsAForbiddenPageInTheLayoutWhenAnEmployeeOpensAnAdminPage() throws Exception {
		WebClient organiser = new WebClient(this.port);
		assertThat(organiser.logIn("organiser@tsunagu.example", "tsunagu-demo")).isTrue();
		HttpResponse<String> response = organiser.get("/admin/audit");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("アクセスできません").contains("佐藤 美咲").contains("ログアウト");
	}

	@Test
	void showsANotFoundPageInTheLayoutInThePersonsLanguage() throws Exception {
		WebClient english = new WebClient(this.port);
		assertThat(english.logIn("david.lee@tsunagu.example", "tsunagu-demo")).isTrue();
		HttpResponse<String> response = english.get("/employees/NO-SUCH-CODE");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found").contains("David Lee");
		assertThat(english.get("/no/such/page").statusCode()).isEqualTo(404);
	}

}
