package io.tsunagu;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import io.tsunagu.approval.ApprovalViews.InboxItem;
import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.invitations.CheckInPasses;
import io.tsunagu.invitations.InvitationTestSupport;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may call which route: every route the application maps (its controllers and the actuator), asked
 * by each kind of person, against one table of expected outcomes. A route missing from the table, or a
 * row whose route is gone, fails, so that a new route cannot slip through unreviewed.
 * <p>
 * Outcome classes: {@code L} sent to the login page, {@code U} 401 (a background request without a session), {@code F} 403, {@code N} 404,
 * {@code A} allowed — the request got past every check of who asks: any 2xx, a redirect other than
 * to the login page, or a 400/409/422 about the input or the plan's state (a refusal because of what
 * is asked, not of who asks). Every request runs in a transaction that is rolled back, so a cancel or
 * a decision in one row changes nothing the next row sees; unsafe requests carry a CSRF token and the
 * same plausible form fields ({@link #form}), so that a route checks who asks rather than failing on a
 * missing parameter first.
 */
@TsunaguTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** Who asks, in the order of the table's columns. */
	enum Actor {

		ANONYMOUS, UNRELATED, HELPER, INVITEE, ORGANISER, APPROVER_ON_CHAIN, APPROVER_OFF_CHAIN, ADMINISTRATOR

	}

	enum Outcome {

		LOGIN('L'), UNAUTHORIZED('U'), FORBIDDEN('F'), NOT_FOUND('N'), ALLOWED('A'), ERROR('E');

		final char letter;

		Outcome(char letter) {
			this.letter = letter;
		}

		static Outcome of(char letter) {
			return Stream.of(values()).filter(o -> o.letter == letter).findFirst().orElseThrow(
					() -> new IllegalArgumentException("No outcome " + letter));
		}

	}

	private static final String PASSWORD_MAIL = "the invitee's password-link mail";

	private static final String BACKGROUND = "a page's background request (htmx)";

	// Reached only through the servlet container's error dispatch (see ErrorPagesTests), never asked directly.
	private static final Set<String> NOT_ASKED = Set.of("ANY /error");

	// The mailbox rows hold for the demo company, which every test context runs (TestDatabase).
	// @formatter:off
	private static final List<Row> TABLE = List.of(
		//                                                                       anon unrelated helper invitee organiser on-chain off-chain admin
		row("GET /login",                                                        "A A A A A A A A"),
		// What a person the company's provider signed in, but Tsunagu does not know, is told (single sign-on).
		row("GET /login/refused",                                                "A A A A A A A A"),
		row("GET /password",                                                     "A A A A A A A A"),
		row("POST /password",                                                    "A A A A A A A A"),
		row("GET /password/{token}",                                             "A A A A A A A A"),
		row("POST /password/{token}",                                            "A A A A A A A A"),
		row("GET /rsvp/{token}",                                                 "A A A A A A A A"),
		row("POST /rsvp/{token}",                                                "A A A A A A A A"),
		row("GET /rsvp/{token}/event.ics",                                       "A A A A A A A A"),
		row("GET /actuator/health",                                              "A A A A A A A A"),
		row("GET /actuator/health/**",                                           "A A A A A A A A"),

		row("GET /",                                                             "L A A A A A A A"),
		row("GET /departments",                                                  "L A A A A A A A"),
		row("GET /employees",                                                    "L A A A A A A A"),
		row("GET /employees/{code}",                                             "L A A A A A A A"),
		row("GET /people/suggest",                                               "L A A A A A A A"),
		row("GET /plans",                                                        "L A A A A A A A"),
		row("GET /plans/new",                                                    "L A A A A A A A"),
		row("POST /plans",                                                       "L A A A A A A A"),
		row("GET /approvals",                                                    "L A A A A A A A"),
		row("GET /invitations/mine",                                             "L A A A A A A A"),
		// {invitationId} is the invitee's: a new answer link for them only; to anyone else it does not exist.
		row("POST /invitations/{invitationId}/answer",                           "L N N A N N N N"),

		row("GET /plans/{id}",                                                   "L N A N A A N N"),
		// Only redirects to the plan's page, which then decides.
		row("GET /plans/{id}/reschedule",                                        "L A A A A A A A"),
		row("GET /plans/{id}/edit",                                              "L N F N A F N N"),
		row("POST /plans/{id}",                                                  "L N F N A F N N"),
		row("POST /plans/{id}/submit",                                           "L N F N A F N N"),
		row("POST /plans/{id}/withdraw",                                         "L N F N A F N N"),
		row("POST /plans/{id}/copy",                                             "L N F N A F N N"),
		row("POST /plans/{id}/cancel",                                           "L N F N A F N N"),
		row("POST /plans/{id}/delete",                                           "L N F N A F N N"),
		row("POST /plans/{id}/reschedule",                                       "L N F N A F N N"),
		row("POST /plans/{id}/organisers",                                       "L N F N A F N N"),
		row("POST /plans/{id}/organisers/{employeeId}/remove",                   "L N F N A F N N"),
		// Only a colleague asked to join answers (nobody is asked in this world; the organisers are refused).
		row("POST /plans/{id}/organisers/accept",                                "L N N N A N N N"),
		row("POST /plans/{id}/organisers/decline",                               "L N N N A N N N"),
		row("POST /plans/{id}/tasks",                                            "L N F N A F N N"),
		row("POST /plans/{id}/tasks/{taskId}/status",                            "L N A N A F N N"),
		row("POST /plans/{id}/tasks/{taskId}",                                   "L N F N A F N N"),
		row("POST /plans/{id}/tasks/{taskId}/delete",                            "L N F N A F N N"),

		// After the event: hosting it again is the organisers' (as a copy is); thanking the team and the series page
		// are theirs alone, and to everyone else do not exist.
		row("POST /plans/{id}/host-again",                                       "L N F N A F N N"),
		row("GET /plans/{id}/thanks",                                            "L N N N A N N N"),
		row("POST /plans/{id}/thanks",                                           "L N N N A N N N"),
		row("POST /plans/{id}/thanks/note",                                      "L N N N A N N N"),
		row("GET /plans/{id}/series",                                            "L N N N A N N N"),

		// The invitation pages are the organisers' alone: to everyone else they do not exist, as for a missing plan.
		row("GET /plans/{id}/invitations",                                       "L N N N A N N N"),
		row("GET /plans/{id}/invitations/waves/{waveId}/progress",               "L N N N A N N N"),
		// Polled by the page: once the session is gone, 401 (the script reloads), not the login page swapped in.
		row("GET /plans/{id}/invitations/waves/{waveId}/progress",               "U N N N A N N N").variant(BACKGROUND),
		row("GET /plans/{id}/invitations/attendees.csv",                         "L N N N A N N N"),
		row("POST /plans/{id}/invitations/invitees",                             "L N N N A N N N"),
		row("POST /plans/{id}/invitations/{invitationId}/message",               "L N N N A N N N"),
		row("POST /plans/{id}/invitations/{invitationId}/remove",                "L N N N A N N N"),
		row("POST /plans/{id}/invitations/{invitationId}/decline-reply",         "L N N N A N N N"),
		row("POST /plans/{id}/invitations/send",                                 "L N N N A N N N"),
		row("POST /plans/{id}/invitations/capacity",                             "L N N N A N N N"),
		row("POST /plans/{id}/invitations/reminders",                            "L N N N A N N N"),
		row("GET /plans/{id}/invitations/broadcast",                             "L N N N A N N N"),
		row("POST /plans/{id}/invitations/broadcast",                            "L N N N A N N N"),
		row("POST /plans/{id}/invitations/broadcast?send",                       "L N N N A N N N"),

		// Suggestions of whom to invite and whom to ask to help are the organisers' alone, as the pages they sit on;
		// loaded by the page in the background, so a lost session gets 401.
		row("GET /plans/{id}/suggestions/invitees",                              "L N N N A N N N"),
		row("GET /plans/{id}/suggestions/invitees",                              "U N N N A N N N").variant(BACKGROUND),
		row("GET /plans/{id}/suggestions/helpers",                               "L N N N A N N N"),
		row("GET /plans/{id}/suggestions/helpers",                               "U N N N A N N N").variant(BACKGROUND),
		row("POST /plans/{id}/suggestions/invitees",                             "L N N N A N N N"),
		row("POST /plans/{id}/suggestions/helpers",                              "L N N N A N N N"),

		// Who came: the list is the organisers' alone. A check-in code ({code} is the invitee's) names its holder
		// only to an organiser of its event, not even to the holder; anyone not logged in logs in first, whatever the code.
		row("GET /plans/{id}/came.csv",                                          "L N N N A N N N"),
		row("GET /check-in/{code}",                                              "L N N N A N N N"),
		row("POST /check-in/{code}",                                             "L N N N A N N N"),

		// The check-in list is the organisers' alone; this event is weeks away, so the organiser is told it is too early.
		row("GET /plans/{id}/check-in",                                          "L F F F A F F F"),
		row("POST /plans/{id}/check-in",                                         "L F F F A F F F"),
		row("GET /plans/{id}/check-in/state",                                    "L F F F A F F F"),
		row("POST /plans/{id}/check-in/taps",                                    "L F F F A F F F"),
		row("GET /plans/{id}/check-in/people",                                   "L F F F A F F F"),
		row("GET /plans/check-in-sw.js",                                         "L A A A A A A A"),

		// My network is always the viewer's own: no route names whose. {employeeId} here is nobody's tie (an id no
		// employee has: other tests record events of the demo people in this database), so the tie page answers
		// 404 to everyone, as for any colleague one is not tied to (MyNetworkTests opens a real tie's page). The
		// must-invite action adds to the organiser's event only; anyone else's request names a plan not theirs.
		row("GET /network",                                                      "L A A A A A A A"),
		row("GET /network/people/{employeeId}",                                  "L N N N N N N N"),
		row("POST /network/must-invite",                                         "L N N N A N N N"),
		row("POST /network/settings",                                            "L A A A A A A A"),

		// {stepId} is the on-chain approver's open step.
		row("GET /approvals/steps/{stepId}",                                     "L F F F F A F F"),
		row("POST /approvals/steps/{stepId}",                                    "L F F F F A F F"),

		// {id} is the invitee's invitation mail: in the demo company everyone may read the mailbox...
		row("GET /mailbox",                                                      "L A A A A A A A"),
		row("GET /mailbox/{id}",                                                 "L A A A A A A A"),
		row("GET /mailbox/{id}/html",                                            "L A A A A A A A"),
		row("GET /mailbox/{id}/attachments/{position}",                          "L A A A A A A A"),
		// ...but a password link only its recipient, not even an administrator.
		row("GET /mailbox/{id}",                                                 "L N N A N N N N").variant(PASSWORD_MAIL),
		row("GET /mailbox/{id}/html",                                            "L N N A N N N N").variant(PASSWORD_MAIL),

		// The department map: executives, officers and administrators (a manager, its own row: see DepartmentMapTests).
		row("GET /network/map",                                                  "L F F F F A A A"),
		row("GET /network/map.csv",                                              "L F F F F A A A"),

		row("GET /admin/audit",                                                  "L F F F F F F A"),
		row("GET /admin/demo",                                                   "L F F F F F F A"),
		row("POST /admin/demo",                                                  "L F F F F F F A"),
		row("GET /admin/directory",                                              "L F F F F F F A"),
		row("POST /admin/directory/import",                                      "L F F F F F F A"),
		row("GET /admin/directory/export/departments.csv",                       "L F F F F F F A"),
		row("GET /admin/directory/export/employees.csv",                         "L F F F F F F A"),
		row("GET /admin/outbox",                                                 "L F F F F F F A"),
		row("POST /admin/outbox/{id}/resend",                                    "L F F F F F F A"),
		row("POST /admin/outbox/{id}/dismiss",                                   "L F F F F F F A"),
		row("POST /admin/outbox/test",                                           "L F F F F F F A"),
		row("GET /actuator",                                                     "L F F F F F F A"),
		row("GET /actuator/info",                                                "L F F F F F F A"),
		row("GET /actuator/metrics",                                             "L F F F F F F A"),
		row("GET /actuator/metrics/{requiredMetricName}",                        "L F F F F F F A"),
		row("GET /actuator/prometheus",                                          "L F F F F F F A"));
	// @formatter:on

	/** What every unsafe request sends, whichever fields its route binds. */
	private final Map<String, String> form = new LinkedHashMap<>();

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)}");

	private static final Pattern PASSWORD_LINK = Pattern.compile("/password/([A-Za-z0-9_-]{20,})");

	// An address of its own, so that answer-link misses counted by other tests never throttle these rows.
	private static final String CLIENT_ADDRESS = "192.0.2.44";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

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
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final Map<Actor, UserDetails> logins = new EnumMap<>(Actor.class);

	private final Map<String, String> variables = new HashMap<>();

	// Per variant of a row: the path variables it takes otherwise, and headers ("header:" + name).
	private final Map<String, Map<String, String>> variants = new HashMap<>();

	/**
	 * The world every row is asked in: an approved event of the demo organiser, inviting, with a helper's
	 * task and one invitee with an answer link; a second plan waiting for the on-chain approver; a
	 * password link mailed to the invitee.
	 */
	@BeforeAll
	void theWorld() throws Exception {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		EmployeeRef organiser = events.organiser();
		EmployeeRef helper = person("emily.clark@tsunagu.example");
		EmployeeRef unrelated = person("david.lee@tsunagu.example");
		EmployeeRef invitee = person(this.jdbc.sql("""
				SELECT e.email FROM employees e JOIN departments d ON d.id = e.department_id
				WHERE d.code = 'ACCT' AND e.rank = 'STAFF' ORDER BY e.code LIMIT 1""").query(String.class).single());
		EmployeeRef onChain = this.orgChart.approversFor(organiser.departmentCode()).officer();
		EmployeeRef offChain = this.orgChart.approversFor("SALES").officer();
		assertThat(offChain.id()).isNotEqualTo(onChain.id());
		login(Actor.UNRELATED, unrelated.email());
		login(Actor.HELPER, helper.email());
		login(Actor.INVITEE, invitee.email());
		login(Actor.ORGANISER, organiser.email());
		login(Actor.APPROVER_ON_CHAIN, onChain.email());
		login(Actor.APPROVER_OFF_CHAIN, offChain.email());
		login(Actor.ADMINISTRATOR, "admin@tsunagu.example");

		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = events.aDraft("権限の表", 60, start, start.minus(7, ChronoUnit.DAYS));
		long task = events.aTaskHandedTo(plan, helper.email(), "受付の準備");
		events.approve(plan);
		String answerToken = InvitationTestSupport.from(this.context, events).invite(plan, List.of(invitee)).get(0);
		long invitation = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(plan, invitee.id())
			.query(Long.class)
			.single();
		long wave = this.jdbc.sql("SELECT wave_id FROM invitations WHERE id = ?").param(invitation).query(Long.class).single();
		long invitationMail = this.jdbc.sql("SELECT id FROM mail_outbox WHERE dedupe_key = ?")
			.param("invitation-" + invitation)
			.query(Long.class)
			.single();

		long awaiting = events.aDraft("権限の表（承認待ち）", 60, start, start.minus(7, ChronoUnit.DAYS));
		events.approveUpTo(awaiting, 1);
		InboxItem step = this.approvals.inbox(onChain.id())
			.stream()
			.filter(item -> item.planId() == awaiting)
			.findFirst()
			.orElseThrow();

		this.mvc.perform(post("/password").param("email", invitee.email()).with(csrf()));
		Map<String, Object> passwordMail = this.jdbc.sql("""
				SELECT id, text_body FROM mail_outbox WHERE kind = 'password-link' AND lower(recipient) = lower(?)
				ORDER BY id DESC LIMIT 1""").param(invitee.email()).query().singleRow();
		Matcher link = PASSWORD_LINK.matcher((String) passwordMail.get("text_body"));
		assertThat(link.find()).isTrue();

		this.variables.putAll(Map.of("id", String.valueOf(plan), "taskId", String.valueOf(task), "employeeId",
				String.valueOf(helper.id()), "invitationId", String.valueOf(invitation), "waveId", String.valueOf(wave),
				"stepId", String.valueOf(step.stepId()), "token", answerToken, "code", codeOf(invitee), "position", "0"));
		this.variables.putAll(Map.of("path", "liveness", "requiredMetricName", "jvm.memory.used", "**",
				"liveness"));
		this.variables.put("/password/:token", link.group(1));
		this.variables.put("/network/people:employeeId", String.valueOf(Long.MAX_VALUE));
		this.variables.put("/mailbox:id", String.valueOf(invitationMail));
		this.variables.put("/admin/outbox:id", String.valueOf(invitationMail));
		this.variables.put("/check-in:code", URI.create(this.context.getBean(CheckInPasses.class)
			.issue(plan, invitee.id())
			.orElseThrow()
			.link()).getPath().substring("/check-in/".length()));
		this.variants.put(PASSWORD_MAIL, Map.of("id", String.valueOf(passwordMail.get("id"))));
		this.variants.put(BACKGROUND, Map.of("header:HX-Request", "true"));

		this.form.put("email", unrelated.email());
		this.form.put("employeeId", String.valueOf(unrelated.id()));
		this.form.put("title", "買い出し");
		this.form.put("status", "DONE");
		this.form.put("text", "先日はありがとうございました。またランチでもご一緒させてください。");
		this.form.put("capacity", "80");
		this.form.put("days", "3");
		this.form.put("pending", "true");
		this.form.put("answer", "ATTENDING");
		this.form.put("kind", "APPROVE");
		this.form.put("revision", String.valueOf(step.planRevision()));
		this.form.put("intent", "CHECK_IN");
		this.form.put("planId", String.valueOf(plan));
	}

	// Every row ran in a transaction rolled back: a cancel, a decision or an answer in one row left nothing behind.
	@AfterAll
	void leavesTheWorldAsItWas() {
		assertThat(this.jdbc.sql("SELECT status FROM event_plans WHERE id = ?").param(Long.parseLong(this.variables.get("id")))
			.query(String.class).single()).isEqualTo("INVITING");
		assertThat(this.jdbc.sql("SELECT answer FROM invitations WHERE id = ?").param(Long.parseLong(this.variables.get("invitationId")))
			.query(String.class).single()).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("SELECT status FROM preparation_tasks WHERE id = ?").param(Long.parseLong(this.variables.get("taskId")))
			.query(String.class).single()).isEqualTo("TO_DO");
		assertThat(this.jdbc.sql("SELECT state FROM approval_steps WHERE id = ?").param(Long.parseLong(this.variables.get("stepId")))
			.query(String.class).single()).isEqualTo("OPEN");
	}

	@Test
	void everyRouteOfTheApplicationIsInTheTableAndEveryRowIsARoute() {
		Set<String> routes = routes();
		Set<String> rows = new TreeSet<>();
		TABLE.forEach(row -> rows.add(row.route()));
		Set<String> missing = new TreeSet<>(routes);
		missing.removeAll(rows);
		missing.removeAll(NOT_ASKED);
		Set<String> gone = new TreeSet<>(rows);
		gone.removeAll(routes);
		assertThat(missing).as("Routes the application maps but the table does not declare: add a row for each")
			.isEmpty();
		assertThat(gone).as("Rows of the table whose route the application no longer maps: remove or fix them")
			.isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> answersEveryoneAsTheTableSays() {
		Set<String> routes = routes();
		return TABLE.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
			assertThat(routes).as("the application maps " + row.route()).contains(row.route());
			List<String> wrong = new ArrayList<>();
			for (Actor actor : Actor.values()) {
				Asked asked = ask(row, actor);
				if (asked.outcome() != row.expected().get(actor)) {
					wrong.add(actor + ": expected " + row.expected().get(actor) + ", got " + asked);
				}
			}
			assertThat(wrong).as(row.toString()).isEmpty();
		}));
	}

	private Asked ask(Row row, Actor actor) {
		String[] route = row.route().split(" ", 2);
		String method = route[0];
		String pattern = route[1].contains("?") ? route[1].substring(0, route[1].indexOf('?')) : route[1];
		String uri = expand(pattern, row.variant());
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), uri).with(r -> {
			r.setRemoteAddr(CLIENT_ADDRESS);
			return r;
		});
		if (row.variant() != null) {
			this.variants.get(row.variant()).forEach((key, value) -> {
				if (key.startsWith("header:")) {
					request.header(key.substring("header:".length()), value);
				}
			});
		}
		if (route[1].contains("?")) {
			request.param(route[1].substring(route[1].indexOf('?') + 1), "");
		}
		if (!method.equals("GET")) {
			request.with(csrf());
			this.form.forEach(request::param);
		}
		if (actor != Actor.ANONYMOUS) {
			request.with(user(this.logins.get(actor)));
		}
		TransactionTemplate rolledBack = new TransactionTemplate(this.transactionManager);
		try {
			MvcResult result = rolledBack.execute(status -> {
				status.setRollbackOnly();
				try {
					return this.mvc.perform(request).andReturn();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			return new Asked(classify(result), uri + " → " + result.getResponse().getStatus()
					+ (result.getResponse().getRedirectedUrl() == null ? "" : " " + result.getResponse().getRedirectedUrl()));
		}
		catch (RuntimeException ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			return new Asked(Outcome.ERROR, uri + " → " + cause);
		}
	}

	private static Outcome classify(MvcResult result) {
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		// Sent to the login page by the security filters: the request never reached a handler.
		if (status / 100 == 3 && location != null && URI.create(location).getPath().equals("/login")
				&& result.getHandler() == null) {
			return Outcome.LOGIN;
		}
		return switch (status) {
			case 401 -> Outcome.UNAUTHORIZED;
			case 403 -> Outcome.FORBIDDEN;
			case 404 -> Outcome.NOT_FOUND;
			case 400, 409, 422 -> Outcome.ALLOWED;
			default -> status / 100 == 2 || status / 100 == 3 ? Outcome.ALLOWED : Outcome.ERROR;
		};
	}

	private String expand(String pattern, String variant) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder uri = new StringBuilder();
		while (variable.find()) {
			String name = variable.group(1);
			String value = variant == null ? null : this.variants.get(variant).get(name);
			for (Map.Entry<String, String> scoped : this.variables.entrySet()) {
				String[] scope = scoped.getKey().split(":");
				if (value == null && scope.length == 2 && scope[1].equals(name) && pattern.startsWith(scope[0])) {
					value = scoped.getValue();
				}
			}
			if (value == null) {
				value = this.variables.get(name);
			}
			if (value == null) {
				throw new IllegalStateException("The world has no value for {" + name + "} of " + pattern);
			}
			variable.appendReplacement(uri, Matcher.quoteReplacement(value));
		}
		variable.appendTail(uri);
		// The actuator's health groups are mapped as a trailing wildcard.
		return uri.toString().replace("/**", "/" + this.variables.get("**"));
	}

	/** Each method and path pattern the application maps: its controllers and the actuator. */
	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				String params = info.getParamsCondition().getExpressions().isEmpty() ? ""
						: "?" + String.join("&", info.getParamsCondition().getExpressions().stream().map(Object::toString).toList());
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						routes.add("ANY " + pattern + params);
					}
					methods.forEach(method -> routes.add(method.name() + " " + pattern + params));
				}
			}
		}
		return routes;
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	private String codeOf(EmployeeRef person) {
		return this.jdbc.sql("SELECT code FROM employees WHERE id = ?").param(person.id()).query(String.class).single();
	}

	private void login(Actor actor, String email) {
		this.logins.put(actor, this.users.loadUserByUsername(email));
	}

	private static Row row(String route, String expected) {
		String[] letters = expected.trim().split("\\s+");
		if (letters.length != Actor.values().length) {
			throw new IllegalArgumentException(route + ": one outcome per actor, " + Actor.values().length + " in all");
		}
		Map<Actor, Outcome> outcomes = new EnumMap<>(Actor.class);
		for (Actor actor : Actor.values()) {
			outcomes.put(actor, Outcome.of(letters[actor.ordinal()].charAt(0)));
		}
		return new Row(route.trim().replaceAll("\\s+", " "), outcomes, null);
	}

	record Row(String route, Map<Actor, Outcome> expected, String variant) {

		Row variant(String name) {
			return new Row(this.route, this.expected, name);
		}

		@Override
		public String toString() {
			return this.variant == null ? this.route : this.route + " (" + this.variant + ")";
		}

	}

	record Asked(Outcome outcome, String what) {

		@Override
		public String toString() {
			return this.outcome + " (" + this.what + ")";
		}

	}

}
