package io.tsunagu.network;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

import io.tsunagu.TsunaguApplication;
import io.tsunagu.WebClient;

/**
 * The ties at scale: a company of 100,000 employees in 200 departments (next to the demo company, whose
 * president and accounts log in), three years of 40,000 past events with 2,000,000 check-ins and their
 * preparation teams, generated in bulk SQL with realistic shapes (cohort meetups by join year, mixers of
 * two to four departments, study sessions, a few big company trips, recurring groups), then the network's
 * tables filled from them in bulk SQL as the recording would have left them (meetings, and each event's new
 * ties counted in order), then the department map's own tables rebuilt. Prints how long each step took, then
 * p50 and p95 of the department map for 12 months, one person's network (a heavy organiser, a typical
 * employee), the invitee suggestions of a 40-person event and the recording of one 200-person event, each
 * next to a baseline measured in the same run. A page not built on this branch is reported as "not
 * available". Not a test: Surefire only runs {@code *Tests}.
 * <p>
 * Usage: {@code NetworkBenchmark [employees] [work dir] [rounds]}; events and check-ins scale with the
 * employees (40,000 and 2,000,000 at 100,000).
 */
public final class NetworkBenchmark {

	private static final String PASSWORD = "tsunagu-demo";

	/** Generated people, departments and plans get ids from here on, far above the demo company's. */
	private static final long BASE = 1_000_000;

	private static final int DEPARTMENTS = 200;

	/** Join years: the company is 40 years old. */
	private static final int COHORTS = 40;

	private static final int DAYS = 3 * 365;

	private static int rounds = 50;

	private NetworkBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path work = Path.of(args.length > 1 ? args[1] : "target/bench-network").toAbsolutePath();
		rounds = args.length > 2 ? Integer.parseInt(args[2]) : rounds;
		int events = employees * 2 / 5;
		long checkIns = employees * 20L;
		FileSystemUtils.deleteRecursively(work);
		SpringApplication application = new SpringApplication(TsunaguApplication.class);
		try (ConfigurableApplicationContext context = application.run(
				"--tsunagu.embedded-database.data-directory=" + work.resolve("postgres"), "--tsunagu.demo.enabled=true",
				"--tsunagu.demo.events.enabled=false", "--tsunagu.mail.dispatcher-enabled=false",
				"--tsunagu.network.record-delay=PT10H", "--server.port=0", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			System.out.printf("Network benchmark: %,d employees in %d departments, %,d events and about %,d check-ins over three years%n",
					employees, DEPARTMENTS, events, checkIns);
			try (Connection connection = context.getBean(DataSource.class).getConnection()) {
				generate(JdbcClient.create(new SingleConnectionDataSource(connection, true)), employees, events, checkIns);
			}
			rebuildDepartmentMap(context);
			timed("ANALYZE", () -> jdbc.sql("ANALYZE").update());
			System.out.printf("Now: %,d employees, %,d plans, %,d check-ins, %,d preparation tasks, %,d co-organisers, "
					+ "%,d recorded events, %,d meetings%n", count(jdbc, "employees"), count(jdbc, "event_plans"),
					count(jdbc, "check_ins"), count(jdbc, "preparation_tasks"), count(jdbc, "plan_co_organisers"),
					count(jdbc, "network_events"), count(jdbc, "meetings"));
			measure(context, jdbc, employees);
		}
	}

	// ------------------------------------------------------------------ generation

	private static void generate(JdbcClient jdbc, int employees, int events, long checkIns) {
		employeesInRun = employees;
		jdbc.sql("SET work_mem = '256MB'").update();
		jdbc.sql("SET maintenance_work_mem = '512MB'").update();
		// One statement per step, each its own transaction: losing the run to a crash costs a rerun, not data.
		jdbc.sql("SET synchronous_commit = off").update();
		// The generated rows refer to each other consistently by construction: their foreign keys are not
		// checked row by row (the triggers that check them do not fire for this session). Indexes are kept.
		jdbc.sql("SET session_replication_role = replica").update();
		long started = System.nanoTime();
		timed("departments and employees", () -> company(jdbc, employees));
		timed("event plans", () -> plans(jdbc, employees, events));
		timed("co-organisers and preparation tasks", () -> teams(jdbc));
		timed("check-ins", () -> checkIns(jdbc, employees, events, checkIns));
		timed("network: recorded events and meetings", () -> meetings(jdbc));
		timed("network: new ties of each event, in order", () -> newTies(jdbc, employees));
		jdbc.sql("DROP TABLE bench_events CASCADE").update();
		jdbc.sql("RESET session_replication_role").update();
		System.out.printf("  generated in %.0f s%n", (System.nanoTime() - started) / 1e9);
	}

	/**
	 * Employee {@code n} (from 0) is in department {@code n % 200} and joined in year
	 * {@code thisYear - (n / 200) % 40}, so that a department and a cohort can each be listed by arithmetic:
	 * the members of department d are d, d + 200, …; of cohort c, 200·(c + 40k) + d. The first is the
	 * executive, the next ten officers, the next 200 the heads of the departments.
	 */
	private static void company(JdbcClient jdbc, int employees) {
		int thisYear = LocalDate.now().getYear();
		jdbc.sql("""
				INSERT INTO departments (id, code, name, name_en)
				SELECT :base + d, 'G' || lpad(d::text, 3, '0'), '部署' || d, 'Department ' || d FROM generate_series(0, :departments - 1) d""")
			.param("base", BASE)
			.param("departments", DEPARTMENTS)
			.update();
		jdbc.sql("""
				INSERT INTO employees (id, code, name, name_kana, email, department_id, rank, title, join_year, locale)
				SELECT :base + n, 'G' || lpad(n::text, 7, '0'),
				       (ARRAY['佐藤','鈴木','髙橋','田中','伊藤','渡辺','山本','中村','小林','加藤'])[1 + n % 10] || ' '
				         || (ARRAY['翔太','美咲','大輔','陽子','健一','結衣','誠','さくら','蓮','葵'])[1 + (n / 10) % 10] || n,
				       (ARRAY['サトウ','スズキ','タカハシ','タナカ','イトウ','ワタナベ','ヤマモト','ナカムラ','コバヤシ','カトウ'])[1 + n % 10],
				       'g' || n || '@bench.example', :base + CASE WHEN n BETWEEN 11 AND 10 + :departments THEN n - 11 ELSE n % :departments END,
				       CASE WHEN n = 0 THEN 'EXECUTIVE' WHEN n <= 10 THEN 'OFFICER' WHEN n <= 10 + :departments THEN 'MANAGER' ELSE 'STAFF' END,
				       CASE WHEN n BETWEEN 11 AND 10 + :departments THEN '部長' END,
				       :year - (n / :departments) % :cohorts, CASE WHEN n % 10 = 0 THEN 'en' ELSE 'ja' END
				FROM generate_series(0, :employees - 1) n""")
			.param("base", BASE)
			.param("departments", DEPARTMENTS)
			.param("cohorts", COHORTS)
			.param("year", thisYear)
			.param("employees", employees)
			.update();
		// Employee 11 + d heads department d; officers oversee twenty departments each; staff report to their
		// head, heads to their officer, officers to the executive.
		jdbc.sql("""
				UPDATE departments d SET head_id = :base + 11 + (d.id - :base), officer_id = :base + 1 + (d.id - :base) % 10
				WHERE d.id >= :base""").param("base", BASE).update();
		jdbc.sql("""
				UPDATE employees e SET reports_to_id = CASE e.rank WHEN 'STAFF' THEN d.head_id WHEN 'MANAGER' THEN d.officer_id
				       WHEN 'OFFICER' THEN :base END
				FROM departments d WHERE e.id >= :base AND d.id = e.department_id""").param("base", BASE).update();
	}

	/**
	 * Three years of past events, one every 40 minutes or so, their ids in the order they took place.
	 * Of every 100: 25 cohort meetups (a join year), 30 mixers of two to four departments, 25 study sessions
	 * (a host department and people from anywhere), 20 meetings of a recurring group (one of 500 clubs); and
	 * a big company trip four times a year. One person, the heavy organiser, leads one event in 250.
	 */
	private static void plans(JdbcClient jdbc, int employees, int events) {
		jdbc.sql("""
				CREATE UNLOGGED TABLE bench_events (n BIGINT PRIMARY KEY, plan_id BIGINT, starts_at TIMESTAMPTZ, kind TEXT, d1 BIGINT,
				    d2 BIGINT, d3 BIGINT, d4 BIGINT, cohort BIGINT, club BIGINT)""").update();
		person(jdbc);
		jdbc.sql("""
				INSERT INTO bench_events
				SELECT n, :base + n AS plan_id,
				       date_trunc('day', now() - interval '1 day' - make_interval(days => :days) + n * make_interval(days => :days) / :events)
				         + interval '10 hours' AS starts_at,
				       CASE WHEN n % greatest(1, :events / 12) = 0 THEN 'COMPANY_TRIP' WHEN n % 100 < 25 THEN 'COHORT_MEETUP'
				            WHEN n % 100 < 55 THEN 'CROSS_DEPARTMENT_MIXER' WHEN n % 100 < 80 THEN 'STUDY_SESSION' ELSE 'OTHER' END AS kind,
				       (n * 7919) % :departments AS d1, (n * 7919 + 1 + n % 97) % :departments AS d2,
				       CASE WHEN n % 3 > 0 THEN (n * 7919 + 101 + n % 89) % :departments END AS d3,
				       CASE WHEN n % 3 = 2 THEN (n * 7919 + 151 + n % 43) % :departments END AS d4,
				       (n * 31) % :cohorts AS cohort, (n * 13) % 500 AS club
				FROM generate_series(0, :events - 1) n""")
			.param("base", BASE)
			.param("days", DAYS)
			.param("events", events)
			.param("departments", DEPARTMENTS)
			.param("cohorts", COHORTS)
			.update();
		// The lead is one of the event's own people (see checkIns), or the heavy organiser.
		jdbc.sql("""
				INSERT INTO event_plans (id, status, title, kind, purpose, audience, starts_at, ends_at, zone, venue, capacity,
				                         rsvp_deadline, lead_id, created_at, updated_at)
				SELECT plan_id, 'INVITING',
				       CASE kind WHEN 'COHORT_MEETUP' THEN (extract(year FROM now())::int - cohort) || '年入社 同期会'
				                 WHEN 'CROSS_DEPARTMENT_MIXER' THEN '部署' || d1 || '×部署' || d2 || ' 交流会'
				                 WHEN 'STUDY_SESSION' THEN '部署' || d1 || ' 勉強会 第' || n || '回'
				                 WHEN 'COMPANY_TRIP' THEN '社員旅行 ' || to_char(starts_at, 'YYYY-MM')
				                 ELSE 'サークル' || club || ' 定例会' END,
				       kind, '部署を越えて顔見知りになる', '全社員', starts_at, starts_at + interval '2 hours', 'Asia/Tokyo', '本社',
				       CASE kind WHEN 'COMPANY_TRIP' THEN 1000 ELSE 200 END, starts_at - interval '3 days',
				       CASE WHEN n % 250 = 0 THEN :heavy ELSE :base + bench_person(b, 0, :employees) END,
				       starts_at - interval '30 days', starts_at
				FROM bench_events b""")
			.param("base", BASE)
			.param("heavy", heavyOrganiser())
			.param("employees", employees)
			.update();
	}

	/**
	 * {@code bench_person(event, i, employees)}: the i-th person of a generated event (from 0: the lead, then
	 * co-organisers and helpers, who also come). A cohort meetup draws from its join year, half of the same
	 * regulars each time; a mixer from its two to four departments in turn; a study session a third from its
	 * host department and the rest from anywhere; a trip from anywhere; a club from its thirty members.
	 */
	private static void person(JdbcClient jdbc) {
		jdbc.sql("""
				CREATE FUNCTION bench_person(b bench_events, i BIGINT, employees BIGINT) RETURNS BIGINT
				LANGUAGE sql IMMUTABLE AS $$
				SELECT CASE b.kind
				  WHEN 'COHORT_MEETUP' THEN least(employees - 1, (200 * (b.cohort + 40 * ((i * 7 + b.n % 3 * (i % 2)) % greatest(1, employees / 8000))))
				       + (i * 53 + b.n % 5 * (i % 2) * 17) % 200)
				  WHEN 'CROSS_DEPARTMENT_MIXER' THEN least(employees - 1,
				       (ARRAY[b.d1, b.d2, coalesce(b.d3, b.d1), coalesce(b.d4, b.d2)])[1 + i % (CASE WHEN b.d4 IS NOT NULL THEN 4
				            WHEN b.d3 IS NOT NULL THEN 3 ELSE 2 END)]
				       + 200 * ((b.n * 17 + i * 29) % greatest(1, employees / 200)))
				  WHEN 'STUDY_SESSION' THEN CASE WHEN i % 3 = 0 THEN least(employees - 1, b.d1 + 200 * ((b.n * 13 + i * 31) % greatest(1, employees / 200)))
				       ELSE (b.n * 7919 + i * 104729) % employees END
				  WHEN 'COMPANY_TRIP' THEN (b.n * 104729 + i * 7919) % employees
				  ELSE (b.club * 7919 + ((i + b.n % 8) % 30) * 15485863) % employees
				END
				$$""").update();
	}

	/** The 40-person events of a heavy organiser: the 12th generated employee after the heads. */
	private static long heavyOrganiser() {
		return BASE + 11 + DEPARTMENTS + 1;
	}

	/** Lead, two co-organisers on every other event, and one to four helpers with a task done: all people of the event. */
	private static void teams(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO plan_co_organisers (plan_id, employee_id)
				SELECT b.plan_id, :base + bench_person(b, k, :employees) FROM bench_events b, generate_series(1, 2) k
				WHERE b.n % 2 = 0 ON CONFLICT DO NOTHING""")
			.param("base", BASE)
			.param("employees", employees())
			.update();
		jdbc.sql("""
				INSERT INTO preparation_tasks (plan_id, title, assignee_id, status, created_at)
				SELECT b.plan_id, (ARRAY['会場の予約', '受付', '名札の準備', '写真係'])[k], :base + bench_person(b, 2 + k, :employees),
				       'DONE', b.starts_at - interval '20 days'
				FROM bench_events b, generate_series(1, 4) k WHERE k <= 1 + b.n % 4""")
			.param("base", BASE)
			.param("employees", employees())
			.update();
	}

	private static int employeesInRun;

	private static int employees() {
		return employeesInRun;
	}

	/**
	 * Who came: the i-th person of event n is {@code bench_person(n, i)} (a function defined here, so that
	 * the lead and the team are people of their own event), as many as the event's kind draws, scaled so
	 * that the total is about the check-ins asked for. The lead and team come too; a few of the drawn
	 * people stay away (no check-in).
	 */
	private static void checkIns(JdbcClient jdbc, int employees, int events, long checkIns) {
		// Sizes before scaling: cohort 60, mixer 15 a department, study 30, club 22, trip 500.
		double scale = checkIns / (double) events / 40.0;
		jdbc.sql("""
				INSERT INTO check_ins (plan_id, employee_id, walk_in, checked_in_at, checked_in_by)
				SELECT b.plan_id, :base + bench_person(b, i, :employees), i % 29 = 7, b.starts_at - interval '10 minutes' + i * interval '5 seconds',
				       p.lead_id
				FROM bench_events b JOIN event_plans p ON p.id = b.plan_id,
				     generate_series(0, greatest(4, round(:scale * CASE b.kind WHEN 'COHORT_MEETUP' THEN 40 + b.n % 41
				         WHEN 'CROSS_DEPARTMENT_MIXER' THEN 15 * (CASE WHEN b.d4 IS NOT NULL THEN 4 WHEN b.d3 IS NOT NULL THEN 3 ELSE 2 END)
				         WHEN 'STUDY_SESSION' THEN 10 + b.n % 41 WHEN 'COMPANY_TRIP' THEN 300 + b.n % 301 ELSE 22 END))::int) i
				WHERE i % 17 <> 16
				ON CONFLICT DO NOTHING""")
			.param("base", BASE)
			.param("employees", employees)
			.param("scale", scale)
			.update();
		// The heavy organiser is at every event they lead.
		jdbc.sql("""
				INSERT INTO check_ins (plan_id, employee_id, walk_in, checked_in_at, checked_in_by)
				SELECT id, lead_id, FALSE, starts_at, lead_id FROM event_plans WHERE lead_id = :heavy ON CONFLICT DO NOTHING""")
			.param("heavy", heavyOrganiser())
			.update();
	}

	/**
	 * What {@link TieRecorder} leaves for each event, written for all of them at once: the event, and who
	 * prepared it (lead, co-organisers, helpers) and who came, with their department and join year.
	 */
	private static void meetings(JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO network_events (plan_id, title, kind, starts_at, held_on, people, new_ties, new_cross_department_ties,
				                            new_ties_across_generations, new_ties_within_cohort, recorded_at)
				SELECT p.id, p.title, p.kind, p.starts_at, (p.starts_at AT TIME ZONE 'Asia/Tokyo')::date, 0, 0, 0, 0, 0, p.ends_at + interval '1 day'
				FROM event_plans p JOIN bench_events b ON b.plan_id = p.id""").update();
		jdbc.sql("""
				INSERT INTO meetings (plan_id, employee_id, department_id, join_year, prepared, came)
				SELECT x.plan_id, x.employee_id, e.department_id, e.join_year, bool_or(x.prepared), bool_or(x.came)
				FROM (SELECT plan_id, employee_id, FALSE AS prepared, TRUE AS came FROM check_ins WHERE plan_id >= :base
				      UNION ALL SELECT id, lead_id, TRUE, TRUE FROM event_plans WHERE id >= :base
				      UNION ALL SELECT plan_id, employee_id, TRUE, TRUE FROM plan_co_organisers WHERE plan_id >= :base
				      UNION ALL SELECT plan_id, assignee_id, TRUE, FALSE FROM preparation_tasks WHERE plan_id >= :base) x
				JOIN employees e ON e.id = x.employee_id
				GROUP BY x.plan_id, x.employee_id, e.department_id, e.join_year""").param("base", BASE).update();
		jdbc.sql("UPDATE network_events n SET people = c.people FROM (SELECT plan_id, count(*) AS people FROM meetings GROUP BY plan_id) c "
				+ "WHERE c.plan_id = n.plan_id").update();
	}

	/**
	 * Each event's new ties, as {@link TieRecorder} counts them event by event: the pairs tied there who were
	 * tied at no earlier event. In bulk: every pair's first event (its lowest plan id: ids are in the order
	 * the events took place), found for the pairs whose first person falls in one slice of the company at a
	 * time (about 2.5 million pairs a slice at full size), so that the sort fits in memory (a hash
	 * aggregate instead of the sort was slower here).
	 */
	private static void newTies(JdbcClient jdbc, int employees) {
		jdbc.sql("CREATE UNLOGGED TABLE bench_new_ties (plan_id BIGINT, fresh INT, across_departments INT, across_generations INT)")
			.update();
		int slices = Math.max(1, employees / 5_000);
		for (int slice = 0; slice < slices; slice++) {
			jdbc.sql("""
					INSERT INTO bench_new_ties
					SELECT first_plan, count(*), count(*) FILTER (WHERE across_departments), count(*) FILTER (WHERE across_generations)
					FROM (SELECT DISTINCT ON (a.employee_id, b.employee_id) a.plan_id AS first_plan,
					             a.department_id <> b.department_id AS across_departments,
					             abs(a.join_year - b.join_year) > :cohort AS across_generations
					      FROM meetings a
					      JOIN meetings b ON b.plan_id = a.plan_id AND b.employee_id > a.employee_id
					           AND ((a.prepared AND b.prepared) OR (a.came AND b.came))
					      WHERE a.employee_id % :slices = :slice
					      ORDER BY a.employee_id, b.employee_id, a.plan_id) firsts
					GROUP BY first_plan""")
				.param("cohort", Relationship.COHORT_YEARS)
				.param("slices", slices)
				.param("slice", slice)
				.update();
		}
		jdbc.sql("""
				UPDATE network_events n SET new_ties = t.fresh, new_cross_department_ties = t.across_departments,
				       new_ties_across_generations = t.across_generations, new_ties_within_cohort = t.fresh - t.across_generations
				FROM (SELECT plan_id, sum(fresh) AS fresh, sum(across_departments) AS across_departments,
				             sum(across_generations) AS across_generations FROM bench_new_ties GROUP BY plan_id) t
				WHERE t.plan_id = n.plan_id""").update();
		jdbc.sql("DROP TABLE bench_new_ties").update();
	}

	/**
	 * The department map keeps tables of its own per period, brought up to date when an event is recorded;
	 * after a bulk fill they are rebuilt from the meetings.
	 */
	private static void rebuildDepartmentMap(ConfigurableApplicationContext context) {
		long started = System.nanoTime();
		context.getBean(DepartmentMapTables.class).rebuild();
		System.out.printf("  %-52s %6.1f s%n", "department map: DepartmentMapTables.rebuild()",
				(System.nanoTime() - started) / 1e9);
	}

	// ------------------------------------------------------------------ measurement

	private static void measure(ConfigurableApplicationContext context, JdbcClient jdbc, int employees) throws Exception {
		long heavy = heavyOrganiser();
		long typical = jdbc.sql("""
				SELECT employee_id FROM (SELECT employee_id, count(*) AS events FROM meetings WHERE employee_id >= :base
				                         GROUP BY employee_id) m
				ORDER BY events, employee_id OFFSET (SELECT count(DISTINCT employee_id) / 2 FROM meetings WHERE employee_id >= :base) LIMIT 1""")
			.param("base", BASE)
			.query(Long.class)
			.single();
		for (long person : new long[] { heavy, typical }) {
			jdbc.sql("""
					INSERT INTO accounts (email, password_hash)
					SELECT e.email, a.password_hash FROM employees e, accounts a
					WHERE e.id = ? AND lower(a.email) = 'organiser@tsunagu.example'""").param(person).update();
		}
		System.out.printf("Heavy organiser %s: %,d events, %,d ties; typical employee %s: %,d events, %,d ties%n", email(jdbc, heavy),
				events(jdbc, heavy), context.getBean(Ties.class).of(heavy).size(), email(jdbc, typical), events(jdbc, typical),
				context.getBean(Ties.class).of(typical).size());
		long suggestionsPlan = aFortyPersonEventBeingPrepared(jdbc, heavy);
		long recordedPlan = aTwoHundredPersonEventOfYesterday(jdbc, employees);

		System.out.printf("%n%d rounds each after %d to warm up; ms%n", rounds, rounds / 5);
		System.out.printf("%-58s %6s %8s %8s %14s %8s%n", "", "req", "p50", "p95", "baseline p95", "ratio");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		WebClient anonymous = new WebClient(port);
		double[] login = time(() -> status(anonymous.get("/login")));
		print("baseline: the login page (GET /login)", login, null);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		LocalDate yearAgo = today.minusMonths(12);
		double[] count = time(() -> jdbc.sql("SELECT count(*) FROM check_ins WHERE checked_in_at >= ? AND checked_in_at < ?")
			.params(java.sql.Timestamp.valueOf(yearAgo.atStartOfDay()), java.sql.Timestamp.valueOf(today.plusDays(1).atStartOfDay()))
			.query(Long.class)
			.single());
		print("baseline: SELECT count(*) of 12 months' check-ins", count, null);

		WebClient president = loggedIn(port, "president@tsunagu.example");
		page("department map, 12 months (president)", president, "/network/map", login, count);
		page("department map, " + quarter(yearAgo.plusMonths(3)) + "–" + quarter(today) + " (president)", president,
				"/network/map?from=" + quarter(yearAgo.plusMonths(3)) + "&to=" + quarter(today), login, count);
		page("my network: heavy organiser", loggedIn(port, email(jdbc, heavy)), "/network", login, null);
		page("my network: typical employee", loggedIn(port, email(jdbc, typical)), "/network", login, null);
		page("suggestions: whom to invite, 40-person event", loggedIn(port, email(jdbc, heavy)),
				"/plans/" + suggestionsPlan + "/suggestions/invitees", login, null);

		Ties ties = context.getBean(Ties.class);
		print("in process: Ties.of(heavy organiser)", time(() -> ties.of(heavy).size()), login);
		print("in process: Ties.of(typical employee)", time(() -> ties.of(typical).size()), login);
		TieRecorder recorder = context.getBean(TieRecorder.class);
		Long[] people = jdbc.sql("SELECT employee_id FROM meetings WHERE plan_id = ?").param(recordedPlan).query(Long.class).list()
			.toArray(Long[]::new);
		int saved = rounds;
		rounds = Math.max(10, rounds / 2);
		double[] history = time(() -> jdbc.sql("SELECT count(*) FROM meetings WHERE employee_id = ANY (?)")
			.param(people)
			.query(Long.class)
			.single());
		print("baseline: SELECT count(*) of those 200 people's meetings", history, null);
		print("TieRecorder.record: a 200-person event, again each time", time(() -> recorder.record(recordedPlan)), history);
		rounds = saved;
		explainNewTies(jdbc, recordedPlan);
		System.out.printf("The 200-person event: %,d people, %,d new ties, %,d of them across departments%n",
				jdbc.sql("SELECT people FROM network_events WHERE plan_id = ?").param(recordedPlan).query(Integer.class).single(),
				jdbc.sql("SELECT new_ties FROM network_events WHERE plan_id = ?").param(recordedPlan).query(Integer.class).single(),
				jdbc.sql("SELECT new_cross_department_ties FROM network_events WHERE plan_id = ?").param(recordedPlan).query(Integer.class).single());
	}

	/**
	 * Where the recording's time goes: PostgreSQL's plan of the statement that counts an event's new ties
	 * ({@link TieRecorder#FRESH_PAIRS}), read-only: a SELECT of the counts, which the recording writes with an
	 * UPDATE.
	 */
	private static void explainNewTies(JdbcClient jdbc, long planId) {
		System.out.println("Plan of the new-tie count of the 200-person event:");
		Timestamp starts = jdbc.sql("SELECT starts_at FROM network_events WHERE plan_id = ?").param(planId)
			.query(Timestamp.class).single();
		jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON)\n" + TieRecorder.FRESH_PAIRS + """
				SELECT (SELECT count(*) FROM here), (SELECT count(*) FROM fresh), (SELECT count(*) FROM fresh WHERE across_departments),
				       (SELECT count(*) FROM fresh WHERE across_generations), (SELECT count(*) FROM fresh WHERE NOT across_generations)""")
			.param("starts", starts)
			.param("plan", planId)
			.param("cohort", Relationship.COHORT_YEARS)
			.query(String.class)
			.list()
			.forEach(line -> System.out.println("  " + line));
	}

	/** A cross-department mixer of 40 seats the heavy organiser is preparing, a month from now. */
	private static long aFortyPersonEventBeingPrepared(JdbcClient jdbc, long lead) {
		return jdbc.sql("""
				INSERT INTO event_plans (status, title, kind, purpose, audience, starts_at, ends_at, zone, venue, capacity, rsvp_deadline, lead_id)
				VALUES ('INVITING', '部署横断 交流会（ベンチ）', 'CROSS_DEPARTMENT_MIXER', '部署を越えて顔見知りになる', '全社員',
				        now() + interval '30 days', now() + interval '30 days 2 hours', 'Asia/Tokyo', '本社', 40, now() + interval '27 days', ?)
				RETURNING id""").param(lead).query(Long.class).single();
	}

	/**
	 * An event of yesterday evening, not recorded yet: 200 people who came, each with their three years of
	 * history, a lead, two co-organisers and two helpers.
	 */
	private static long aTwoHundredPersonEventOfYesterday(JdbcClient jdbc, int employees) {
		long planId = jdbc.sql("""
				INSERT INTO event_plans (status, title, kind, purpose, audience, starts_at, ends_at, zone, venue, capacity, rsvp_deadline, lead_id)
				VALUES ('INVITING', '全社交流会（ベンチ）', 'CROSS_DEPARTMENT_MIXER', '部署を越えて顔見知りになる', '全社員',
				        now() - interval '1 day', now() - interval '22 hours', 'Asia/Tokyo', '本社', 300, now() - interval '4 days', ?)
				RETURNING id""").param(BASE + 500).query(Long.class).single();
		jdbc.sql("INSERT INTO plan_co_organisers (plan_id, employee_id) VALUES (?, ?), (?, ?)")
			.params(planId, BASE + 501, planId, BASE + 502)
			.update();
		jdbc.sql("""
				INSERT INTO preparation_tasks (plan_id, title, assignee_id, status) VALUES (?, '受付', ?, 'DONE'), (?, '会場', ?, 'DONE')""")
			.params(planId, BASE + 503, planId, BASE + 504)
			.update();
		jdbc.sql("""
				INSERT INTO check_ins (plan_id, employee_id, walk_in, checked_in_at, checked_in_by)
				SELECT ?, ? + (i * 7919 + 500) % ?, FALSE, now() - interval '1 day', ? FROM generate_series(0, 199) i""")
			.params(planId, BASE, employees, BASE + 500)
			.update();
		return planId;
	}

	private static void page(String what, WebClient client, String path, double[] login, double[] sql) throws Exception {
		int first = status(client.get(path));
		if (first == 404) {
			System.out.printf("%-58s not available (%s answers 404 on this branch)%n", what, path.replaceAll("\\?.*", ""));
			return;
		}
		if (first != 200) {
			System.out.printf("%-58s answers %d, not measured%n", what, first);
			return;
		}
		double[] millis = time(() -> status(client.get(path)));
		print(what, millis, login);
		if (sql != null) {
			System.out.printf("%-58s %6s %8s %8s %14.1f %8.1f%n", "  … to the SELECT count(*) baseline", "", "", "", sql[rounds * 95 / 100],
					millis[rounds * 95 / 100] / sql[rounds * 95 / 100]);
		}
	}

	private static WebClient loggedIn(int port, String email) throws Exception {
		WebClient client = new WebClient(port);
		if (!client.logIn(email, PASSWORD)) {
			throw new IllegalStateException(email + " could not log in");
		}
		return client;
	}

	private static int status(HttpResponse<String> response) {
		return response.statusCode();
	}

	private static String quarter(LocalDate day) {
		return day.getYear() + "Q" + ((YearMonth.from(day).getMonthValue() - 1) / 3 + 1);
	}

	private static String email(JdbcClient jdbc, long employee) {
		return jdbc.sql("SELECT email FROM employees WHERE id = ?").param(employee).query(String.class).single();
	}

	private static long events(JdbcClient jdbc, long employee) {
		return jdbc.sql("SELECT count(*) FROM meetings WHERE employee_id = ?").param(employee).query(Long.class).single();
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static void timed(String what, Runnable step) {
		long started = System.nanoTime();
		step.run();
		System.out.printf("  %-52s %6.1f s%n", what, (System.nanoTime() - started) / 1e9);
	}

	private static double[] time(Callable<?> work) throws Exception {
		for (int i = 0; i < Math.max(2, rounds / 5); i++) {
			work.call();
		}
		double[] millis = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			work.call();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static void print(String what, double[] millis, double[] baseline) {
		double p95 = millis[rounds * 95 / 100];
		if (baseline == null) {
			System.out.printf(Locale.ROOT, "%-58s %6d %8.1f %8.1f%n", what, rounds, millis[rounds / 2], p95);
		}
		else {
			double base = baseline[baseline.length * 95 / 100];
			System.out.printf(Locale.ROOT, "%-58s %6d %8.1f %8.1f %14.1f %8.1f%n", what, rounds, millis[rounds / 2], p95, base,
					p95 / base);
		}
	}

}
