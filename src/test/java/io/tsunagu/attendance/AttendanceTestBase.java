package io.tsunagu.attendance;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TestSmtp;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

/**
 * The attendance tests that run the reminders (which look at every event) or add people to the org
 * chart: on a schema of their own, with links to a company address, and mail sent only when a test
 * dispatches it.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.base-url=https://tsunagu.corp.example",
		"tsunagu.invitations.reminder-check-delay=PT10H" })
@AutoConfigureMockMvc
@IsolatedDatabase("attendance")
abstract class AttendanceTestBase {

	static final String UNRELATED = "david.lee@tsunagu.example";

	static final int SMTP_PORT = TestSmtp.freePort();

	static GreenMail greenMail;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startSmtp() {
		if (greenMail == null || !greenMail.isRunning()) {
			greenMail = TestSmtp.start(SMTP_PORT);
		}
	}

	@AfterAll
	static void stopSmtp() {
		greenMail.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	ApprovedEvents events;

	EventDay day;

	@AfterEach
	void putAwayTheDaysEvents() {
		this.day.putAway();
	}

	@BeforeEach
	void eventsOnTheirDay() {
		this.events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		this.day = new EventDay(this.events, this.jdbc);
	}

	UserDetails login(String email) {
		return this.users.loadUserByUsername(email);
	}

	EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	/** People of the test company to invite: neither organisers nor the unrelated colleague. */
	java.util.List<EmployeeRef> guests(int count) {
		return this.day.someEmployees(count + 1)
			.stream()
			.map(id -> this.directory.findById(id).orElseThrow())
			.filter(p -> !p.email().equals(UNRELATED))
			.limit(count)
			.toList();
	}

	long checkIns(long planId) {
		return this.jdbc.sql("SELECT count(*) FROM check_ins WHERE plan_id = ?").param(planId).query(Long.class).single();
	}

}
