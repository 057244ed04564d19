package io.tsunagu.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.TsunaguTest;
import io.tsunagu.approval.Approvals;
import io.tsunagu.approval.DecisionKind;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log reads as sentences in the reader's language that name people and plans, not action keys and
 * numbers; what was deleted is named as such; the filters keep working.
 */
@TsunaguTest
class AuditPageTests {

	// An action recorded in the code: AuditLog.record(actor, "action", ...) or a constant holding it.
	private static final Pattern RECORDED = Pattern.compile("record\\([^,]+,\\s*\"([a-z][a-z.\\-]*)\"|AUDIT_ACTION = \"([a-z.\\-]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AuditLog audit;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Test
	void saysWhoDidWhatToWhichPlanInJapaneseAndInEnglish() throws Exception {
		String title = "監査で読む会 " + System.nanoTime();
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart).aDraft(title, 10, start,
				start.minus(7, ChronoUnit.DAYS));
		EmployeeRef colleague = this.directory.findByEmail("emily.clark@tsunagu.example").orElseThrow();
		this.audit.record("organiser@tsunagu.example", "plan.submit", "plan " + plan, "revision 1");
		this.audit.record("organiser@tsunagu.example", "plan.team.remove", "plan " + plan, "employee " + colleague.id());

		Document ja = audit("/admin/audit?action=plan.submit");
		assertThat(ja.select("#audit td.audit-text").first().text()).isEqualTo("佐藤 美咲 が企画『" + title + "』を提出");
		assertThat(ja.select("#audit td.audit-text").eachAttr("data-action")).containsOnly("plan.submit");
		assertThat(ja.select("#action option[selected]").text()).isEqualTo("… が企画『…』を提出");

		Document en = audit("/admin/audit?action=plan.submit&lang=en");
		assertThat(en.select("#audit td.audit-text").first().text()).isEqualTo("佐藤 美咲 submitted the plan “" + title + "”");

		Document removed = audit("/admin/audit?action=plan.team.remove");
		assertThat(removed.select("#audit td.audit-text").first().text())
			.isEqualTo("佐藤 美咲 が " + colleague.name() + " さんを企画『" + title + "』の幹事チームから外す");
		assertThat(removed.text()).doesNotContain("employee " + colleague.id(), "plan.team.remove");
	}

	@Test
	void namesWhatWasDeletedByTheNumberItHad() throws Exception {
		this.audit.record("gone.person@tsunagu.example", "plan.cancel", "plan 987654321", null);
		Document ja = audit("/admin/audit?actor=gone.person");
		assertThat(ja.select("#audit td.audit-text").first().text())
			.isEqualTo("gone.person@tsunagu.example が企画『削除された企画（#987654321）』を中止");
		Document en = audit("/admin/audit?actor=gone.person&lang=en");
		assertThat(en.select("#audit td.audit-text").first().text())
			.isEqualTo("gone.person@tsunagu.example cancelled the plan “a deleted plan (#987654321)”");
	}

	@Test
	void anActionWithoutASentenceReadsByItsKey() throws Exception {
		this.audit.record("system", "something.new", "plan 987654322", null);
		Document ja = audit("/admin/audit?action=something.new");
		assertThat(ja.select("#audit td.audit-text").first().text())
			.isEqualTo("システム：something.new（削除された企画（#987654322））");
	}

	@Test
	void everyActionRecordedInTheCodeHasASentenceInBothLanguages() throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher recorded = RECORDED.matcher(Files.readString(source));
				while (recorded.find()) {
					String action = recorded.group(1) != null ? recorded.group(1) : recorded.group(2);
					if (!action.endsWith(".")) {
						actions.add(action);
					}
				}
			}
		}
		for (DecisionKind kind : DecisionKind.values()) {
			actions.add("approval." + kind.name().toLowerCase().replace('_', '-'));
		}
		assertThat(actions).contains("plan.submit", "login", "directory.import", "invitation.add");
		for (String bundle : new String[] { "messages.properties", "messages_ja.properties" }) {
			Properties messages = new Properties();
			try (InputStream in = getClass().getResourceAsStream("/" + bundle)) {
				messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(actions).as(bundle).allSatisfy(action -> assertThat(messages).containsKey("audit.message." + action));
		}
	}

	private Document audit(String path) throws Exception {
		String html = this.mvc.perform(get(path).with(user(this.users.loadUserByUsername("admin@tsunagu.example"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

}
