package io.tsunagu;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.accounts.AccountRetentionAccess;
import io.tsunagu.attendance.AttendanceRetentionAccess;
import io.tsunagu.directory.AnonymisationAccess;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeAnonymised;
import io.tsunagu.directory.EmployeeFilter;
import io.tsunagu.invitations.RsvpMissesAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The data lifecycle on a small company of its own, with a clock the test moves: purges of what has served
 * its time, people removed from the org chart deactivated at once and anonymised after the period.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.network.record-delay=PT10H",
		"tsunagu.demo.enabled=false", "tsunagu.retention.purge-cron=-", "tsunagu.retention.anonymise-after=180d" })
@AutoConfigureMockMvc
@IsolatedDatabase("lifecycle")
class DataLifecycleTests {

	static final Instant START = Instant.parse("2027-01-22T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Directory directory;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	FailingFor failing;

	@Autowired
	ApplicationContext context;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void startOfTheStory() {
		this.clock.set(START);
		this.failing.id = -1;
	}

	@Test
	void purgesThrottleRowsAndTokensPastTheirTimeAndKeepsThoseStillInUse() {
		Instant now = START;
		throttle("old-" + this.run, now.minus(Duration.ofHours(1)), null);
		throttle("locked-" + this.run, now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(5)));
		throttle("young-" + this.run, now.minus(Duration.ofMinutes(3)), null);
		link("used-" + this.run, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(110)));
		link("expired-" + this.run, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)), null);
		link("valid-" + this.run, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(50)), null);
		// Used a few minutes ago: it still counts towards the three links an hour.
		link("justused-" + this.run, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(50)), now.minus(Duration.ofMinutes(5)));
		miss("old-" + this.run, now.minus(Duration.ofMinutes(30)));
		miss("young-" + this.run, now.minus(Duration.ofMinutes(2)));
		long dept = department("PURGE");
		long organiser = person("Oto Organiser", dept, 2015);
		long guest = person("Gen Guest", dept, 2020);
		long longAgo = event("去年の交流会", organiser, now.minus(Duration.ofDays(40)));
		long lastWeek = event("先週の交流会", organiser, now.minus(Duration.ofDays(7)));
		for (long plan : List.of(longAgo, lastWeek)) {
			code(plan, guest);
			tap(plan, guest, organiser);
			checkIn(plan, guest, organiser);
		}

		new AccountRetentionAccess(this.context).purge();
		new RsvpMissesAccess(this.context).purge();
		new AttendanceRetentionAccess(this.context).purge();

		assertThat(keys("SELECT login_key FROM login_throttle")).contains("locked-" + this.run, "young-" + this.run)
			.doesNotContain("old-" + this.run);
		assertThat(keys("SELECT email FROM password_links")).contains("valid-" + this.run, "justused-" + this.run)
			.doesNotContain("used-" + this.run, "expired-" + this.run);
		assertThat(keys("SELECT client_key FROM rsvp_misses")).contains("young-" + this.run).doesNotContain("old-" + this.run);
		assertThat(count("SELECT count(*) FROM check_in_codes WHERE plan_id = ?", longAgo)).isZero();
		assertThat(count("SELECT count(*) FROM check_in_taps WHERE plan_id = ?", longAgo)).isZero();
		assertThat(count("SELECT count(*) FROM check_in_codes WHERE plan_id = ?", lastWeek)).isOne();
		assertThat(count("SELECT count(*) FROM check_in_taps WHERE plan_id = ?", lastWeek)).isOne();
		// Who came is history, not a token: it stays.
		assertThat(count("SELECT count(*) FROM check_ins WHERE employee_id = ?", guest)).isEqualTo(2);
	}

	@Test
	void anEmployeeLeftOutOfAFileThatListsEveryoneIsDeactivatedAtOnceAndActiveAgainWhenListedAgain() throws Exception {
		String dept = "LEAVE-" + this.run;
		String stays = "stays." + this.run + "@lifecycle.example";
		String leaves = "leaves." + this.run + "@lifecycle.example";
		importEmployees(false, line("S" + this.run, "残る 人", stays, dept), line("L" + this.run, "去る 人", leaves, dept));
		long leaverId = this.directory.findByEmail(leaves).orElseThrow().id();
		account(leaves);
		session(leaves);
		this.mvc.perform(formLogin("/login").userParameter("email").user(leaves).password("a long password 1"))
			.andExpect(redirectedUrl("/"));
		this.clock.set(START.plus(Duration.ofDays(3)));

		// A file that only adds and updates leaves everyone else as they are.
		importEmployees(false, line("S" + this.run, "残る 人", stays, dept))
			.andExpect(flash().attribute("flash", "orgchart.import.done"));
		assertThat(this.directory.isActive(leaverId)).isTrue();

		importEmployees(true, line("S" + this.run, "残る 人", stays, dept))
			.andExpect(flash().attribute("flash", "lifecycle.import.done"));

		assertThat(this.directory.isActive(leaverId)).isFalse();
		assertThat(this.jdbc.sql("SELECT deactivated_at FROM employees WHERE id = ?").param(leaverId).query(Timestamp.class).single())
			.isEqualTo(Timestamp.from(START.plus(Duration.ofDays(3))));
		// Their sessions ended with it, and the right password no longer logs them in.
		assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", leaves)).isZero();
		this.mvc.perform(formLogin("/login").userParameter("email").user(leaves).password("a long password 1"))
			.andExpect(redirectedUrl("/login?error"));
		// Nobody finds them to invite or to suggest: not in searches, segments or the active among ids.
		assertThat(this.directory.search("去る", 10)).noneMatch(ref -> ref.id() == leaverId);
		assertThat(this.directory.find(new EmployeeFilter(java.util.Set.of(dept), java.util.Set.of(), null, null), List.of(), 10))
			.extracting(ref -> ref.email())
			.containsExactly(stays);
		assertThat(this.directory.activeAmong(List.of(leaverId))).isEmpty();
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'directory.deactivate' AND details LIKE ?",
				"%" + leaverId + "%")).isOne();

		importEmployees(false, line("L" + this.run, "去る 人", leaves, dept));
		assertThat(this.directory.isActive(leaverId)).isTrue();
		assertThat(this.jdbc.sql("SELECT deactivated_at FROM employees WHERE id = ?").param(leaverId).query(Timestamp.class).optional())
			.isEmpty();
	}

	@Test
	void anonymisesWhoLeftAfterThePeriodKeepsGroupCountsAndASecondPassChangesNothing() {
		long sales = department("SALES");
		long dev = department("DEV");
		long organiser = person("Oto Organiser", sales, 2012);
		long stayer = person("Sou Stayer", dev, 2019);
		long leaver = person("Rei Leaver", dev, 2019);
		String leaverEmail = email(leaver);
		long mixer = event("部署横断 交流会", organiser, START.minus(Duration.ofDays(30)));
		invite(mixer, leaver, organiser, "レイさん、前回の受付ありがとう！", "楽しみです", "ATTENDING");
		invite(mixer, stayer, organiser, "ソウさん、ぜひ。", null, "ATTENDING");
		checkIn(mixer, leaver, organiser);
		checkIn(mixer, stayer, organiser);
		met(mixer, Map.of(organiser, sales, stayer, dev, leaver, dev));
		this.jdbc.sql("INSERT INTO thank_yous (plan_id, kind, employee_id, message, sent_by, sent_at) VALUES (?, 'CAME', ?, ?, ?, ?)")
			.params(mixer, leaver, "来てくれてありがとう、レイさん", organiser, Timestamp.from(START))
			.update();
		this.jdbc.sql("INSERT INTO network_settings (employee_id, hidden_from_suggestions, updated_at) VALUES (?, TRUE, ?)")
			.params(leaver, Timestamp.from(START))
			.update();
		account(leaverEmail);
		mail(leaverEmail);
		this.jdbc.sql("INSERT INTO audit_log (actor, action, subject) VALUES (?, 'rsvp.answer', 'plan ' || ?)")
			.params(leaverEmail, mixer)
			.update();
		List<Map<String, Object>> groupsBefore = groups(mixer);
		deactivate(leaver, START);

		this.clock.set(START.plus(Duration.ofDays(179)));
		new AnonymisationAccess(this.context).anonymiseDue();

		assertThat(name(leaver)).isEqualTo("Rei Leaver");
		assertThat(count("SELECT count(*) FROM accounts WHERE email = ?", leaverEmail)).isOne();

		this.clock.set(START.plus(Duration.ofDays(181)));
		assertThat(new AnonymisationAccess(this.context).anonymiseDue()).isPositive();

		Map<String, Object> row = this.jdbc.sql("""
				SELECT code, name, name_kana, email, title, department_id, join_year, active, anonymised_at
				FROM employees WHERE id = ?""").param(leaver).query().singleRow();
		assertThat(row.get("name")).isEqualTo("—");
		assertThat(row.get("name_kana")).isNull();
		assertThat(row.get("title")).isNull();
		assertThat((String) row.get("email")).doesNotContain("leaver").endsWith(".invalid");
		assertThat((String) row.get("code")).doesNotContain("leaver");
		assertThat(row.get("department_id")).isEqualTo(dev);
		assertThat(row.get("join_year")).isEqualTo(2019);
		assertThat(row.get("active")).isEqualTo(false);
		assertThat(row.get("anonymised_at")).isEqualTo(Timestamp.from(START.plus(Duration.ofDays(181))));
		// Their invitation, answer and check-in stay, without what was written to them or by them.
		assertThat(this.jdbc.sql("SELECT message, note, answer FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(mixer, leaver).query().singleRow())
			.containsEntry("message", null).containsEntry("note", null).containsEntry("answer", "ATTENDING");
		assertThat(this.jdbc.sql("SELECT message FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(mixer, stayer).query(String.class).single()).isEqualTo("ソウさん、ぜひ。");
		assertThat(count("SELECT count(*) FROM invitation_links l JOIN invitations i ON i.id = l.invitation_id WHERE i.employee_id = ?", leaver))
			.isZero();
		assertThat(count("SELECT count(*) FROM check_ins WHERE plan_id = ?", mixer)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT message FROM thank_yous WHERE employee_id = ?").param(leaver).query(String.class).single())
			.isEmpty();
		// The ties keep their rows: every count by department and join year is what it was.
		assertThat(groups(mixer)).isEqualTo(groupsBefore);
		assertThat(count("SELECT count(*) FROM network_settings WHERE employee_id = ?", leaver)).isZero();
		// No login, no mail, and the audit log no longer names them, but says once that it happened.
		assertThat(count("SELECT count(*) FROM accounts WHERE lower(email) = lower(?)", leaverEmail)).isZero();
		assertThat(count("SELECT count(*) FROM mail_outbox WHERE lower(recipient) = lower(?)", leaverEmail)).isZero();
		assertThat(count("SELECT count(*) FROM audit_log WHERE actor = ? OR subject = ? OR details LIKE ?", leaverEmail,
				leaverEmail, "%" + leaverEmail + "%")).isZero();
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'directory.anonymise' AND subject = ?",
				"employee " + leaver)).isOne();

		Map<String, Object> after = this.jdbc.sql("SELECT * FROM employees WHERE id = ?").param(leaver).query().singleRow();
		new AnonymisationAccess(this.context).anonymiseDue();

		assertThat(this.jdbc.sql("SELECT * FROM employees WHERE id = ?").param(leaver).query().singleRow()).isEqualTo(after);
		assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'directory.anonymise' AND subject = ?",
				"employee " + leaver)).isOne();
	}

	@Test
	void onePersonWhoCannotBeAnonymisedHoldsNoneOfTheOthersBack() {
		long dept = department("FAIL");
		long first = person("Fumi First", dept, 2010);
		long broken = person("Bun Broken", dept, 2011);
		long last = person("Ren Last", dept, 2012);
		for (long id : List.of(first, broken, last)) {
			deactivate(id, START);
		}
		this.failing.id = broken;

		this.clock.set(START.plus(Duration.ofDays(200)));
		new AnonymisationAccess(this.context).anonymiseDue();

		assertThat(name(first)).isEqualTo("—");
		assertThat(name(last)).isEqualTo("—");
		// Undone as a whole, to be tried again at the next pass.
		assertThat(name(broken)).isEqualTo("Bun Broken");
		assertThat(count("SELECT count(*) FROM employees WHERE id = ? AND anonymised_at IS NULL", broken)).isOne();

		this.failing.id = -1;
		new AnonymisationAccess(this.context).anonymiseDue();

		assertThat(name(broken)).isEqualTo("—");
	}

	// --- a small company, written straight into the tables as the pages would leave them

	private long department(String code) {
		return this.jdbc.sql("INSERT INTO departments (code, name, name_en) VALUES (?, ?, ?) RETURNING id")
			.params(code + "-" + this.run, code + "部", code)
			.query(Long.class)
			.single();
	}

	private long person(String name, long departmentId, int joinYear) {
		String key = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + this.run;
		return this.jdbc.sql("""
				INSERT INTO employees (code, name, name_kana, email, department_id, rank, title, join_year)
				VALUES (?, ?, 'てすと', ?, ?, 'STAFF', '主任', ?) RETURNING id""")
			.params(key, name, key + "@lifecycle.example", departmentId, joinYear)
			.query(Long.class)
			.single();
	}

	private String email(long employeeId) {
		return this.jdbc.sql("SELECT email FROM employees WHERE id = ?").param(employeeId).query(String.class).single();
	}

	private String name(long employeeId) {
		return this.jdbc.sql("SELECT name FROM employees WHERE id = ?").param(employeeId).query(String.class).single();
	}

	private void deactivate(long employeeId, Instant at) {
		this.jdbc.sql("UPDATE employees SET active = FALSE, deactivated_at = ? WHERE id = ?")
			.params(Timestamp.from(at), employeeId)
			.update();
	}

	private long event(String title, long lead, Instant startsAt) {
		return this.jdbc.sql("""
				INSERT INTO event_plans (status, title, kind, purpose, starts_at, ends_at, zone, venue, capacity,
				                         rsvp_deadline, lead_id)
				VALUES ('INVITING', ?, 'CROSS_DEPARTMENT_MIXER', '顔見知りになる', ?, ?, 'Asia/Tokyo', '本社 8F', 50, ?, ?)
				RETURNING id""")
			.params(title, Timestamp.from(startsAt), Timestamp.from(startsAt.plus(Duration.ofHours(2))),
					Timestamp.from(startsAt.minus(Duration.ofDays(7))), lead)
			.query(Long.class)
			.single();
	}

	private void invite(long planId, long employeeId, long organiser, String message, String note, String answer) {
		long wave = this.jdbc.sql("""
				INSERT INTO invitation_waves (plan_id, kind, status, created_by, created_at, sent_at)
				VALUES (?, 'PERSONAL', 'SENT', ?, ?, ?) RETURNING id""")
			.params(planId, organiser, Timestamp.from(START), Timestamp.from(START))
			.query(Long.class)
			.single();
		long invitation = this.jdbc.sql("""
				INSERT INTO invitations (wave_id, plan_id, employee_id, message, answer, note, added_at, sent_at, answered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(wave, planId, employeeId, message, answer, note, Timestamp.from(START), Timestamp.from(START),
					Timestamp.from(START))
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO invitation_links (token_hash, invitation_id, issued_at) VALUES (?, ?, ?)")
			.params(HexFormat.of().parseHex(UUID.randomUUID().toString().replace("-", "").repeat(2)), invitation,
					Timestamp.from(START))
			.update();
	}

	private void checkIn(long planId, long employeeId, long organiser) {
		this.jdbc.sql("""
				INSERT INTO check_ins (plan_id, employee_id, walk_in, checked_in_at, checked_in_by)
				VALUES (?, ?, FALSE, ?, ?)""")
			.params(planId, employeeId, Timestamp.from(START), organiser)
			.update();
	}

	private void code(long planId, long employeeId) {
		this.jdbc.sql("INSERT INTO check_in_codes (code_hash, plan_id, employee_id, issued_at) VALUES (?, ?, ?, ?)")
			.params(HexFormat.of().parseHex(UUID.randomUUID().toString().replace("-", "").repeat(2)), planId, employeeId,
					Timestamp.from(START.minus(Duration.ofDays(60))))
			.update();
	}

	private void tap(long planId, long employeeId, long organiser) {
		this.jdbc.sql("""
				INSERT INTO check_in_taps (tap_key, plan_id, employee_id, action, tapped_by, received_at)
				VALUES (?, ?, ?, 'CHECK_IN', ?, ?)""")
			.params(UUID.randomUUID(), planId, employeeId, organiser, Timestamp.from(START.minus(Duration.ofDays(60))))
			.update();
	}

	/** Records the event for the network, as the recorder would: everyone came, with the department of the day. */
	private void met(long planId, Map<Long, Long> departmentOf) {
		this.jdbc.sql("""
				INSERT INTO network_events (plan_id, title, kind, starts_at, held_on, people, new_ties,
				    new_cross_department_ties, new_ties_across_generations, new_ties_within_cohort, recorded_at)
				VALUES (?, 'x', 'CROSS_DEPARTMENT_MIXER', ?, ?, ?, 3, 2, 2, 1, ?)""")
			.params(planId, Timestamp.from(START), START.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate(),
					departmentOf.size(), Timestamp.from(START))
			.update();
		departmentOf.forEach((employee, department) -> this.jdbc.sql("""
				INSERT INTO meetings (plan_id, employee_id, department_id, join_year, prepared, came)
				SELECT ?, id, ?, join_year, FALSE, TRUE FROM employees WHERE id = ?""")
			.params(planId, department, employee)
			.update());
	}

	private List<Map<String, Object>> groups(long planId) {
		return this.jdbc.sql("""
				SELECT department_id, join_year, count(*) AS people, count(DISTINCT employee_id) AS distinct_people
				FROM meetings WHERE plan_id = ? GROUP BY department_id, join_year ORDER BY department_id, join_year""")
			.param(planId)
			.query()
			.listOfRows();
	}

	private void account(String email) {
		this.jdbc.sql("INSERT INTO accounts (email, password_hash) VALUES (?, ?)")
			.params(email, this.passwords.encode("a long password 1"))
			.update();
	}

	private void session(String email) {
		String id = UUID.randomUUID().toString();
		long now = System.currentTimeMillis();
		this.jdbc.sql("""
				INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
				    max_inactive_interval, expiry_time, principal_name) VALUES (?, ?, ?, ?, 28800, ?, ?)""")
			.params(id, UUID.randomUUID().toString(), now, now, now + 28_800_000L, email)
			.update();
	}

	private void mail(String recipient) {
		this.jdbc.sql("""
				INSERT INTO mail_outbox (message_id, kind, recipient, recipient_name, locale, subject, html_body, text_body, status)
				VALUES (?, 'invitation', ?, 'Rei Leaver', 'ja', 'ご招待', '<p>x</p>', 'x', 'FAILED')""")
			.params("<" + UUID.randomUUID() + "@lifecycle.example>", recipient)
			.update();
	}

	private void throttle(String key, Instant firstFailure, Instant lockedUntil) {
		this.jdbc.sql("INSERT INTO login_throttle (login_key, failures, first_failure_at, locked_until) VALUES (?, 5, ?, ?)")
			.params(key, Timestamp.from(firstFailure), lockedUntil == null ? null : Timestamp.from(lockedUntil))
			.update();
	}

	private void link(String email, Instant created, Instant expires, Instant used) {
		this.jdbc.sql("INSERT INTO password_links (email, token_hash, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)")
			.params(email, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), Timestamp.from(created),
					Timestamp.from(expires), used == null ? null : Timestamp.from(used))
			.update();
	}

	private void miss(String client, Instant windowStart) {
		this.jdbc.sql("INSERT INTO rsvp_misses (client_key, window_start, misses) VALUES (?, ?, 3)")
			.params(client, Timestamp.from(windowStart))
			.update();
	}

	private List<String> keys(String sql) {
		return this.jdbc.sql(sql).query(String.class).list();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private org.springframework.test.web.servlet.ResultActions importEmployees(boolean everyone, String... lines) throws Exception {
		String csv = "employee_code,name,name_kana,email,department_code,rank,title,join_year,reports_to_email,locale\n"
				+ String.join("\n", lines) + "\n";
		String departments = "code,name,name_en,parent_code,head_email,officer_email\n"
				+ lines[0].split(",")[4] + ",退職テスト部,Leavers,,,\n";
		var request = multipart("/admin/directory/import")
			.file(new MockMultipartFile("departments", "departments.csv", "text/csv", departments.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("employees", "employees.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		if (everyone) {
			request.param("everyone", "on");
		}
		return this.mvc.perform(request.with(csrf()).with(user("hr." + this.run + "@lifecycle.example").roles("EMPLOYEE", "ADMIN")))
			.andDo(result -> assertThat(result.getResponse().getStatus()).as(() -> problems(result)).isEqualTo(302))
			.andExpect(redirectedUrl("/admin/directory"));
	}

	private static String problems(org.springframework.test.web.servlet.MvcResult result) {
		try {
			String page = result.getResponse().getContentAsString();
			int table = page.indexOf("<table");
			return table < 0 ? page.substring(0, Math.min(page.length(), 2000)) : page.substring(table, Math.min(page.length(), table + 3000));
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return ex.toString();
		}
	}

	private static String line(String code, String name, String email, String department) {
		return String.join(",", code, name, "", email, department, "STAFF", "", "2020", "", "ja");
	}

	/** A clock the test sets; every service reads the time from it. */
	static final class TestClock extends Clock {

		private volatile Instant now = START;

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/** Makes the anonymisation of one person fail, as a row no module expected would. */
	static final class FailingFor {

		volatile long id = -1;

		@EventListener
		void on(EmployeeAnonymised anonymised) {
			if (anonymised.employeeId() == this.id) {
				throw new IllegalStateException("A row this test made unreadable");
			}
		}

	}

	@TestConfiguration
	static class Fixtures {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

		@Bean
		FailingFor failingFor() {
			return new FailingFor();
		}

	}

}
