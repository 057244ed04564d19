package io.tsunagu.audit;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import io.tsunagu.TsunaguApplication;
import io.tsunagu.approval.Approvals;
import io.tsunagu.invitations.MyInvitations;
import io.tsunagu.planning.MyPlans;

/**
 * The home page's cards and the audit page on a company of 100,000 employees with ten years of events
 * (30,000 plans, a million invitations, a million audit entries), for the busiest person: the president, who
 * is the executive of every plan, was invited to every tenth event and leads some. Prints p50 and p95 of each
 * card's query and of an audit page (50 entries with their names), next to a {@code SELECT 1} baseline, and the
 * plan PostgreSQL chose for each card's SQL. Not a test: Surefire only runs {@code *Tests}.
 */
public final class HomeAndAuditBenchmark {

	private static final int ROUNDS = 100;

	private static final long BUSIEST = 1;

	private HomeAndAuditBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path work = Path.of(args.length > 1 ? args[1] : "target/bench-home-and-audit").toAbsolutePath();
		FileSystemUtils.deleteRecursively(work);
		SpringApplication application = new SpringApplication(TsunaguApplication.class);
		try (ConfigurableApplicationContext context = application.run(
				"--tsunagu.embedded-database.data-directory=" + work.resolve("postgres"), "--tsunagu.demo.enabled=false",
				"--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
				"--tsunagu.mail.dispatcher-enabled=false")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long started = System.nanoTime();
			fill(jdbc, employees);
			System.out.printf("Filled in %.0f s: %,d employees, %,d plans, %,d invitations, %,d approval steps, %,d audit entries%n",
					(System.nanoTime() - started) / 1e9, count(jdbc, "employees"), count(jdbc, "event_plans"),
					count(jdbc, "invitations"), count(jdbc, "approval_steps"), count(jdbc, "audit_log"));
			System.out.printf("The busiest person: %,d invitations, %,d approval steps (%,d open), leads %,d plans%n",
					one(jdbc, "SELECT count(*) FROM invitations WHERE employee_id = 1"),
					one(jdbc, "SELECT count(*) FROM approval_steps WHERE approver_id = 1"),
					one(jdbc, "SELECT count(*) FROM approval_steps WHERE approver_id = 1 AND state = 'OPEN'"),
					one(jdbc, "SELECT count(*) FROM event_plans WHERE lead_id = 1"));

			Approvals approvals = context.getBean(Approvals.class);
			MyPlans plans = context.getBean(MyPlans.class);
			MyInvitations invitations = context.getBean(MyInvitations.class);
			AuditReader audit = context.getBean(AuditReader.class);
			ZoneId zone = ZoneId.of("Asia/Tokyo");
			System.out.printf("%d rounds each, p50 / p95 in ms%n", ROUNDS);
			double[] baseline = time(() -> jdbc.sql("SELECT 1").query(Integer.class).single());
			print("baseline: SELECT 1", baseline);
			print("home: approvals waiting (5)", time(() -> approvals.waitingFor(BUSIEST, 5)));
			print("home: my plans going on (5)", time(() -> plans.goingOn(BUSIEST, 5)));
			print("home: invitations to answer (5)", time(() -> invitations.awaitingAnswer(BUSIEST, 0, 5)));
			print("home: events I attend (5)", time(() -> invitations.attending(BUSIEST, 0, 5)));
			print("audit page 1 (50, names and count)", time(() -> audit.read(search(null, 0), zone, Locale.JAPANESE)));
			print("audit page 1, one action", time(() -> audit.read(search("plan.submit", 0), zone, Locale.JAPANESE)));
			print("audit page 200", time(() -> audit.read(search(null, 199), zone, Locale.JAPANESE)));

			explain(jdbc, "invitations to answer", """
					SELECT i.id FROM invitations i JOIN event_plans p ON p.id = i.plan_id
					WHERE i.employee_id = 1 AND i.answer = 'PENDING' AND i.sent_at IS NOT NULL
					  AND p.status = 'INVITING' AND p.rsvp_deadline > now() ORDER BY p.rsvp_deadline, i.id LIMIT 6""");
			explain(jdbc, "my plans", """
					SELECT p.id FROM event_plans p
					WHERE p.id IN (SELECT id FROM event_plans WHERE lead_id = 1
					               UNION SELECT plan_id FROM plan_co_organisers WHERE employee_id = 1)
					  AND p.status NOT IN ('HELD', 'CLOSED', 'CANCELLED', 'REJECTED') AND p.ends_at > now()
					ORDER BY p.starts_at, p.id LIMIT 6""");
		}
	}

	private static AuditSearch search(String action, int page) {
		return new AuditSearch(null, action, null, null, page);
	}

	/** The company and its ten years, written by the database itself. */
	private static void fill(JdbcClient jdbc, int employees) {
		int plans = 30_000;
		List<String> statements = List.of(
				"INSERT INTO departments (code, name) VALUES ('BENCH', 'ベンチ部')",
				"""
				INSERT INTO employees (code, name, email, department_id, rank, join_year)
				SELECT 'B' || n, '社員 ' || n, 'e' || n || '@bench.example', (SELECT id FROM departments WHERE code = 'BENCH'),
				       CASE WHEN n = 1 THEN 'EXECUTIVE' ELSE 'STAFF' END, 1990 + n %% 35
				FROM generate_series(1, %d) n""".formatted(employees),
				// Ten years of plans, one every three hours or so; most of them sent their invitations.
				"""
				INSERT INTO event_plans (title, kind, purpose, starts_at, ends_at, zone, venue, capacity, rsvp_deadline,
				                         lead_id, status)
				SELECT '企画 ' || n, 'OTHER', '部署を越えて', t, t + interval '2 hours', 'Asia/Tokyo', '本社', 100,
				       t - interval '7 days', CASE WHEN n %% 500 = 0 THEN 1 ELSE 1 + (n * 7919) %% %d END,
				       CASE WHEN n %% 20 = 0 THEN 'CANCELLED' WHEN t > now() AND n %% 7 = 0 THEN 'SUBMITTED' ELSE 'INVITING' END
				FROM generate_series(1, %d) n, LATERAL (SELECT now() - interval '9 years' + n * interval '175 minutes' AS t) s"""
					.formatted(employees, plans),
				"""
				INSERT INTO plan_co_organisers (plan_id, employee_id)
				SELECT p.id, 1 + (p.id * 104729 + k) %% %d FROM event_plans p, generate_series(1, 2) k
				ON CONFLICT DO NOTHING""".formatted(employees),
				"""
				INSERT INTO invitation_waves (plan_id, kind, status, created_by, created_at, sent_at)
				SELECT id, 'PERSONAL', 'SENT', lead_id, starts_at - interval '30 days', starts_at - interval '30 days'
				FROM event_plans""",
				// About 33 invitations per event; the busiest person to every tenth, never answered for most.
				"""
				INSERT INTO invitations (wave_id, plan_id, employee_id, answer, added_at, sent_at, answered_at)
				SELECT w.id, w.plan_id, e, CASE WHEN (e + w.id) %% 3 = 0 THEN 'ATTENDING' WHEN (e + w.id) %% 3 = 1 THEN 'DECLINED' ELSE 'PENDING' END,
				       w.sent_at, w.sent_at, CASE WHEN (e + w.id) %% 3 = 2 THEN NULL ELSE w.sent_at END
				FROM invitation_waves w, LATERAL (SELECT DISTINCT 2 + (w.id * 31 + k * 3049) %% (%d - 1) AS e
				                                  FROM generate_series(1, 33) k) people
				ON CONFLICT DO NOTHING""".formatted(employees),
				"""
				INSERT INTO invitations (wave_id, plan_id, employee_id, answer, added_at, sent_at)
				SELECT w.id, w.plan_id, 1, CASE WHEN w.id % 30 = 0 THEN 'ATTENDING' ELSE 'PENDING' END, w.sent_at, w.sent_at
				FROM invitation_waves w WHERE w.plan_id % 10 = 0
				ON CONFLICT DO NOTHING""",
				"UPDATE invitations SET answered_at = sent_at WHERE answer = 'ATTENDING' AND answered_at IS NULL",
				// One round per plan, the busiest person its executive; open where the plan is submitted.
				"""
				INSERT INTO approval_rounds (plan_id, round_number, plan_revision, plan_title, lead_id, submitted_by_id,
				                             submitted_at, status)
				SELECT id, 1, 1, title, lead_id, lead_id, starts_at - interval '40 days',
				       CASE WHEN status = 'SUBMITTED' THEN 'OPEN' ELSE 'APPROVED' END FROM event_plans""",
				"""
				INSERT INTO approval_steps (round_id, position, role, approver_id, state, opened_at, decided_at)
				SELECT r.id, k, (ARRAY['EXECUTIVE', 'OFFICER', 'MANAGER'])[k], CASE WHEN k = 1 THEN 1 ELSE 2 + k END,
				       CASE WHEN r.status = 'OPEN' THEN (CASE WHEN k = 1 THEN 'OPEN' ELSE 'WAITING' END) ELSE 'APPROVED' END,
				       CASE WHEN r.status = 'OPEN' AND k > 1 THEN NULL ELSE r.submitted_at END,
				       CASE WHEN r.status = 'OPEN' THEN NULL ELSE r.submitted_at + interval '1 day' END
				FROM approval_rounds r, generate_series(1, 3) k""",
				"""
				INSERT INTO audit_log (occurred_at, actor, action, subject, details)
				SELECT now() - n * interval '5 minutes', 'e' || (1 + n %% %d) || '@bench.example',
				       (ARRAY['plan.submit', 'plan.edit', 'invitation.add', 'plan.team.remove', 'login'])[1 + n %% 5],
				       CASE WHEN n %% 5 = 4 THEN NULL ELSE 'plan ' || (1 + n %% %d) END,
				       CASE WHEN n %% 5 = 3 THEN 'employee ' || (1 + n %% 997) ELSE 'revision 1' END
				FROM generate_series(1, 1000000) n""".formatted(employees, plans),
				"ANALYZE");
		for (String statement : statements) {
			jdbc.sql(statement).update();
		}
	}

	private static void explain(JdbcClient jdbc, String what, String sql) {
		System.out.println("Plan of " + what + ":");
		jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) " + sql).query(String.class).list()
			.forEach(line -> System.out.println("  " + line));
	}

	private static long count(JdbcClient jdbc, String table) {
		return one(jdbc, "SELECT count(*) FROM " + table);
	}

	private static long one(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static double[] time(Supplier<?> work) {
		for (int i = 0; i < 10; i++) {
			work.get();
		}
		double[] millis = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static void print(String what, double[] millis) {
		System.out.printf("  %-40s %8.2f %8.2f%n", what, millis[ROUNDS / 2], millis[ROUNDS * 95 / 100]);
	}

}
