package io.tsunagu.invitations;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * The organiser's invitations page as it reads: people found are told apart, empty messages are not
 * criticised, and the list of invitations sent keeps each personal message and each reply to a decline.
 */
@TsunaguTest
class WavePageTests extends InvitationTestBase {

	EmployeeRef organiser;

	EmployeeRef david;

	@BeforeEach
	void fixtures() {
		this.organiser = this.events.organiser();
		this.david = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow();
	}

	@Test
	void peopleOfOneNameAreToldApartByDepartmentTitleAndJoinYear() throws Exception {
		String name = this.jdbc.sql("""
				SELECT name FROM employees WHERE active GROUP BY name HAVING count(DISTINCT department_id) > 1
				ORDER BY name LIMIT 1""").query(String.class).single();
		long plan = this.events.anApprovedEvent("同名の二人を誘う会 " + System.nanoTime(), 30);
		List<Element> matches = page(plan, "?q=" + name).select("#matches li.match");

		List<EmployeeRef> namesakes = this.directory.search(name, 20).stream().filter(e -> e.name().equals(name)).toList();
		assertThat(namesakes).hasSizeGreaterThan(1);
		Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
		for (EmployeeRef namesake : namesakes) {
			assertThat(matches).anySatisfy(row -> assertThat(row.select(".match-facts").text())
				.contains(departments.get(namesake.departmentCode()).name(), namesake.joinYear() + "年入社")
				.contains(namesake.title() == null ? "" : namesake.title()));
		}
		assertThat(matches.stream().map(row -> row.select(".match-facts").text()).distinct()).hasSizeGreaterThan(1);
	}

	@Test
	void messagesNotWrittenYetAreNotCriticised() throws Exception {
		long plan = this.events.anApprovedEvent("まだ書いていない会 " + System.nanoTime(), 30);
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, this.david.id());
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER,
				this.directory.findByEmail("emily.clark@tsunagu.example").orElseThrow().id());
		Document page = page(plan, "");
		assertThat(page.select(".draft")).hasSize(2);
		assertThat(page.select(".draft .finding")).isEmpty();
		assertThat(page.select(".draft").text()).doesNotContain("類似度", "指摘はありません");
	}

	@Test
	void theSentListShowsEachPersonalMessageAndEachReplyToADecline() throws Exception {
		long plan = this.events.anApprovedEvent("返事を読み返す会 " + System.nanoTime(), 30);
		String token = this.support.invite(plan, List.of(this.david)).get(0);
		this.answers.answer(token, Answer.DECLINED, "その日は大阪です");
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, this.david.id())
			.query(Long.class)
			.single();

		this.mvc.perform(post("/plans/" + plan + "/invitations/" + invitation + "/decline-reply")
			.param("text", "デイビッドさん、また今度ランチに行きましょう。")
			.with(organiser())
			.with(csrf()))
			.andExpect(flash().attribute("flash", "invitations.declineReply.sent"))
			.andExpect(flash().attribute("flashArgs", new Object[] { this.david.name() }));

		Element sent = page(plan, "").selectFirst("#sent");
		assertThat(sent.select(".sent-message").text()).contains("先日の新人研修では資料づくりを丁寧に手伝ってくださり");
		assertThat(sent.select(".decline-reply-text").text()).isEqualTo("デイビッドさん、また今度ランチに行きましょう。");
	}

	@Test
	void addingAndRemovingSomeoneNamesThem() throws Exception {
		long plan = this.events.anApprovedEvent("名前で伝える会 " + System.nanoTime(), 30);
		this.mvc.perform(post("/plans/" + plan + "/invitations/invitees").param("employeeId", String.valueOf(this.david.id()))
			.with(organiser())
			.with(csrf()))
			.andExpect(flash().attribute("flash", "invitations.added"))
			.andExpect(flash().attribute("flashArgs", new Object[] { this.david.name() }));
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ?").param(plan).query(Long.class).single();
		this.mvc.perform(post("/plans/" + plan + "/invitations/" + invitation + "/remove").with(organiser()).with(csrf()))
			.andExpect(flash().attribute("flash", "invitations.removed"))
			.andExpect(flash().attribute("flashArgs", new Object[] { this.david.name() }));
	}

	private Document page(long plan, String query) throws Exception {
		String html = this.mvc.perform(get("/plans/" + plan + "/invitations" + query).with(organiser()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private RequestPostProcessor organiser() {
		return user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER));
	}

}
