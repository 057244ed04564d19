package io.tsunagu.directory;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class OrgChartAdminControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void showsTheUploadFormWithTheHeadersAndExportLinks() throws Exception {
		this.mvc.perform(get("/admin/directory").with(user(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(OrgChartFiles.EMPLOYEES_HEADER)))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("/admin/directory/export/departments.csv")))
			.andExpect(content().string(containsString("組織図の取り込み・書き出し")));
	}

	@Test
	void listsEveryProblemWith422AndWritesNothing() throws Exception {
		String code = OrgChartFiles.unique("CSVT");
		long before = departmentCount();

		this.mvc.perform(upload(file("departments", OrgChartFiles.DEPARTMENTS_HEADER, code + ",CSV課,,NOPE,,"),
				file("employees", OrgChartFiles.EMPLOYEES_HEADER, code + "E,名前,,x@csvt.example," + code + ",BOSS,,2020,,ja"))
			.with(user(admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("取り込みませんでした。問題が2件あります。")))
			.andExpect(content().string(containsString("コード「NOPE」の部署は、ファイルにも名簿にもありません。")))
			.andExpect(content().string(containsString("「BOSS」は役職区分ではありません。")))
			.andExpect(content().string(containsString("parent_code")));

		assertThat(departmentCount()).isEqualTo(before);
	}

	@Test
	void countsEveryProblemButListsOnlyTheFirstThousand() throws Exception {
		String[] lines = new String[1200];
		for (int i = 0; i < lines.length; i++) {
			lines[i] = "CSVTMANY" + i + ",名前,,many" + i + "@csvt.example,PLAN,NOBODY,,2020,,ja";
		}

		String page = this.mvc.perform(upload(file("employees", OrgChartFiles.EMPLOYEES_HEADER, lines)).with(user(admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("問題が1,200件あります。")))
			.andExpect(content().string(containsString("最初の1,000件を表示しています。")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.split("役職区分ではありません", -1)).hasSize(1001);
	}

	@Test
	void explainsProblemsInEnglishToo() throws Exception {
		this.mvc.perform(upload(file("departments", "code,name,fax", "X,x,1")).param("lang", "en").with(user(admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nothing was imported: 5 problems were found.")))
			.andExpect(content().string(containsString("Unknown column &quot;fax&quot;.")))
			.andExpect(content().string(containsString("The column &quot;name_en&quot; is missing.")));
	}

	@Test
	void explainsAnUploadOverTheServerLimit() throws Exception {
		this.mvc.perform(get("/admin/directory").param("tooLarge", "").with(user(admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("アップロードが大きすぎます。1ファイルあたり32MBまでです。")));
	}

	@Test
	void asksForAFileWhenNoneWasChosen() throws Exception {
		MockMultipartFile nothing = new MockMultipartFile("departments", "", "application/octet-stream", new byte[0]);

		this.mvc.perform(upload(nothing).with(user(admin())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("取り込むファイルを1つ以上選んでください。")));
	}

	@Test
	void importsAndRedirectsWithTheCounts() throws Exception {
		String code = OrgChartFiles.unique("CSVT");

		this.mvc.perform(upload(file("departments", OrgChartFiles.DEPARTMENTS_HEADER, code + ",CSV課,,,,"),
				new MockMultipartFile("employees", "", "application/octet-stream", new byte[0]))
			.with(user(admin())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/directory"))
			.andExpect(flash().attribute("flash", "orgchart.import.done"))
			.andExpect(flash().attribute("flashArgs", new Object[] { 1, 0, 0, 0, 0, 0 }));

		assertThat(this.jdbc.queryForObject("SELECT name FROM departments WHERE code = ?", String.class, code))
			.isEqualTo("CSV課");
	}

	@Test
	void sendsTheExportAsAnAttachmentWithBom() throws Exception {
		byte[] body = this.mvc.perform(get("/admin/directory/export/employees.csv").with(user(admin())))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"employees.csv\""))
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("\uFEFF" + OrgChartFiles.EMPLOYEES_HEADER + "\r\n")
			.contains("admin@tsunagu.example");
	}

	@Test
	void forbidsEmployeesWhoAreNotAdministrators() throws Exception {
		UserDetails organiser = this.users.loadUserByUsername("organiser@tsunagu.example");
		long before = departmentCount();

		this.mvc.perform(get("/admin/directory").with(user(organiser))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/directory/export/employees.csv").with(user(organiser)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("@tsunagu.example"))));
		this.mvc.perform(upload(file("departments", OrgChartFiles.DEPARTMENTS_HEADER, "CSVTFORBIDDEN,x,,,,"))
			.with(user(organiser)))
			.andExpect(status().isForbidden());

		assertThat(departmentCount()).isEqualTo(before);
	}

	private UserDetails admin() {
		return this.users.loadUserByUsername("admin@tsunagu.example");
	}

	private static MockMultipartHttpServletRequestBuilder upload(MockMultipartFile... files) {
		MockMultipartHttpServletRequestBuilder request = multipart("/admin/directory/import");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		request.with(csrf());
		return request;
	}

	private static MockMultipartFile file(String name, String header, String... lines) {
		return new MockMultipartFile(name, name + ".csv", "text/csv", OrgChartFiles.csv(header, StandardCharsets.UTF_8, lines));
	}

	private long departmentCount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM departments", Long.class);
	}

}
