package io.tsunagu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.approval.Approvals;
import io.tsunagu.attendance.CheckIns;
import io.tsunagu.attendance.EventDay;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.invitations.InvitationTestSupport;
import io.tsunagu.mail.MailRequest;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

/**
 * What the IT department watches: liveness and readiness (the database and the outbox), and the
 * Prometheus metrics with request latency histograms and the business counters, for administrators only.
 */
@SpringBootTest(properties = { "tsunagu.mail.dispatcher-enabled=false", "tsunagu.mail.stuck-after=PT10M" })
@AutoConfigureMockMvc
@IsolatedDatabase("operations")
class HealthAndMetricsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	MeterRegistry meters;

	@Autowired
	UserDetailsService users;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	CheckIns checkIns;

	@Autowired
	ApplicationContext context;

	private EventDay day;

	@AfterEach
	void putAway() {
		this.jdbc.sql("DELETE FROM mail_outbox WHERE dedupe_key LIKE 'health-%'").update();
		if (this.day != null) {
			this.day.putAway();
		}
	}

	@Test
	void livenessAndReadinessAnswerAnyoneWithoutDetails() throws Exception {
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health/readiness").with(as("admin@tsunagu.example")))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.outbox.status").value("UP"))
			.andExpect(jsonPath("$.components.readinessState.status").value("UP"));
	}

	@Test
	void anInstanceNotReadyForTrafficAnswers503() throws Exception {
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			this.mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
			this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Test
	void readinessSaysSoWhenTheOutboxIsStuckAndStillServes() throws Exception {
		this.outbox.queue(MailRequest.of("someone@tsunagu.example", "誰か", Locale.JAPANESE, "test-message",
				Map.of("administratorName", "鈴木"), new Object[0], "health-stuck"));
		this.jdbc.sql("UPDATE mail_outbox SET created_at = now() - interval '1 hour' WHERE dedupe_key = 'health-stuck'")
			.update();

		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OUTBOX_STUCK"));
		this.mvc.perform(get("/actuator/health/readiness").with(as("admin@tsunagu.example")))
			.andExpect(jsonPath("$.components.outbox.status").value("OUTBOX_STUCK"))
			.andExpect(jsonPath("$.components.outbox.details.stuckAfterSeconds").value(600));
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void prometheusIsForAdministratorsOnly() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/actuator/prometheus").with(as("organiser@tsunagu.example"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/login"));

		String scraped = this.mvc.perform(get("/actuator/prometheus").with(as("admin@tsunagu.example")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(scraped).contains("http_server_requests_seconds_bucket", "tsunagu_approvals_waiting",
				"tsunagu_mail_outbox", "application=\"tsunagu\"");
	}

	@Test
	void countsWavesAnswersAndCheckInsOnceTheyAreCommitted() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		this.day = new EventDay(events, this.jdbc);
		long planId = this.day.today("メトリクスの会", 10);
		List<EmployeeRef> guests = this.day.someEmployees(2).stream().map(id -> this.directory.findById(id).orElseThrow()).toList();
		double waves = count("tsunagu.waves.sent", "kind", "personal");
		double invitations = count("tsunagu.invitations.sent", "kind", "personal");
		double attending = count("tsunagu.answers", "answer", "attending");
		double checkedIn = count("tsunagu.check-ins", "change", "check_in");
		double walkedIn = count("tsunagu.check-ins", "change", "walk_in");

		List<String> links = InvitationTestSupport.from(this.context, events).invite(planId, guests);
		this.mvc.perform(post("/rsvp/" + links.get(0)).param("answer", "ATTENDING").with(csrf()));
		this.checkIns.checkIn(planId, guests.get(0).id(), events.organiser().id(), UUID.randomUUID());
		// The second guest never answered: a walk-in. The same tap again changes nothing and counts nothing.
		UUID tap = UUID.randomUUID();
		this.checkIns.checkIn(planId, guests.get(1).id(), events.organiser().id(), tap);
		this.checkIns.checkIn(planId, guests.get(1).id(), events.organiser().id(), tap);

		assertThat(count("tsunagu.waves.sent", "kind", "personal")).isEqualTo(waves + 1);
		assertThat(count("tsunagu.invitations.sent", "kind", "personal")).isEqualTo(invitations + 2);
		assertThat(count("tsunagu.answers", "answer", "attending")).isEqualTo(attending + 1);
		assertThat(count("tsunagu.check-ins", "change", "check_in")).isEqualTo(checkedIn + 1);
		assertThat(count("tsunagu.check-ins", "change", "walk_in")).isEqualTo(walkedIn + 1);
	}

	private double count(String name, String tag, String value) {
		var counter = this.meters.find(name).tag(tag, value).counter();
		return counter == null ? 0 : counter.count();
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
