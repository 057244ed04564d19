package io.tsunagu.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.directory.DemoCompanySeeded;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeFilter;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.Rank;
import io.tsunagu.invitations.DemoInvitations;
import io.tsunagu.mail.Outbox;
import io.tsunagu.planning.DemoPlans;
import io.tsunagu.planning.PlanKind;

/**
 * The demo company's events, seeded with it: past events with who came, walk-ins and no-shows (a
 * series of three cohort meetups, a cross-department mixer after which the team was thanked, a study
 * session), and one event starting about an hour after the first start, whose check-in page can be tried
 * at once. Everything goes through the modules' own services, as the pages would do it; only moving a
 * finished event months back is written straight into the tables, by the module that owns each. The past
 * sends no mail; the event of today sends its invitations to the built-in mailbox.
 * <p>
 * Each step commits on its own, after the demo company did: a plan is approved when its last decision
 * commits. Leaving the demo removes all of it with the demo company's people (their rows refer to them).
 */
@Component
@ConditionalOnBooleanProperty(name = "tsunagu.demo.events.enabled", matchIfMissing = true)
class DemoEvents {

	private static final Logger log = LoggerFactory.getLogger(DemoEvents.class);

	static final String ORGANISER = "organiser@tsunagu.example";

	static final String CO_ORGANISER_TODAY = "manager@tsunagu.example";

	static final String COHORT_TITLE = "%d年入社 同期会";

	static final String MIXER_TITLE = "部署横断 秋の交流会";

	static final String STUDY_TITLE = "勉強会：経費精算を 10 分で終わらせるコツ";

	static final String TODAY_TITLE = "部署横断 ボードゲーム交流会";

	static final int TODAY_CAPACITY = 12;

	private final DemoPlans plans;

	private final DemoInvitations invitations;

	private final CheckIns checkIns;

	private final Thanks thanks;

	private final Directory directory;

	private final Outbox outbox;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private volatile CompletableFuture<Void> seeding = CompletableFuture.completedFuture(null);

	DemoEvents(DemoPlans plans, DemoInvitations invitations, CheckIns checkIns, Thanks thanks, Directory directory,
			Outbox outbox, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.plans = plans;
		this.thanks = thanks;
		this.invitations = invitations;
		this.checkIns = checkIns;
		this.directory = directory;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Seeds the events in the background once the demo company is committed: they take a few seconds
	 * (every step goes through the services), and the application is ready for its first visitor
	 * meanwhile.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(DemoCompanySeeded seeded) {
		this.seeding = CompletableFuture.runAsync(this::seedAndTell, work -> {
			Thread thread = new Thread(work, "demo-events");
			thread.setDaemon(true);
			thread.start();
		});
	}

	/** The seeding started at the last {@link DemoCompanySeeded}, for the tests to wait for. */
	CompletableFuture<Void> seeding() {
		return this.seeding;
	}

	private void seedAndTell() {
		long started = System.nanoTime();
		try {
			seed();
			log.info("Seeded the demo events in {} ms: five past events and one today, starting in about an hour",
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (RuntimeException ex) {
			// The demo company is there, and can be tried without its events.
			log.error("Could not seed all of the demo events", ex);
		}
	}

	private void seed() {
		EmployeeRef organiser = person(ORGANISER);
		ZoneId zone = ZoneId.of("Asia/Tokyo");
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		int cohort = organiser.joinYear();
		List<EmployeeRef> peers = this.directory.find(new EmployeeFilter(Set.of(), Set.of(Rank.STAFF), cohort - 2, cohort + 2),
				Set.of(organiser.id()), 40);
		List<EmployeeRef> elsewhere = this.directory.find(
				new EmployeeFilter(Set.of("SALES", "ACCT", "GA", "PR", "LOG"), Set.of(Rank.STAFF), null, null),
				idsOf(peers, organiser), 200);

		this.outbox.withoutMailForTheDemo(() -> {
			List<Long> series = new ArrayList<>();
			// Three editions of the organiser's cohort meetup: the regulars come back, a few new faces join.
			series.add(past(friday(today, 33), cohortDraft(cohort, "新橋の居酒屋「つなぎ」 個室"), List.of(), List.of(), null,
					slice(peers, 0, 10), 8, new int[] { 7 }, slice(peers, 12, 13), DemoMessages.COHORT));
			series.add(past(friday(today, 20), cohortDraft(cohort, "有楽町 ダイニング「和」"), List.of(), List.of(), null,
					slice(peers, 0, 12), 9, new int[] { 4 }, slice(peers, 9, 10), DemoMessages.COHORT));
			series.add(past(friday(today, 6), cohortDraft(cohort, "銀座 ビアホール 2F"), List.of(), List.of(), null,
					slice(peers, 2, 14), 10, new int[] { 5 }, slice(peers, 14, 16), DemoMessages.COHORT));
			formSeries(series);

			List<EmployeeRef> mixed = spread(elsewhere, 23);
			EmployeeRef coOrganiser = mixed.get(0);
			long mixer = past(friday(today, 12),
					new DemoPlans.Draft(MIXER_TITLE, PlanKind.CROSS_DEPARTMENT_MIXER,
							"普段は仕事で関わらない部署同士が顔見知りになり、困ったときに声をかけ合える関係をつくる。", "全社員（各部署から数名ずつ）",
							"本社 8F 大会議室", 16, 80_000L),
					List.of(coOrganiser.email()),
					List.of(new DemoPlans.Task("会場の予約と机の配置", mixed.get(1).email()),
							new DemoPlans.Task("名札と席札の準備", mixed.get(2).email())),
					"新しく入った人が、ほかの部署に一人は顔見知りができるように。",
					mixed.subList(3, 23), 18, new int[] { 3, 11, 17 }, notAmong(elsewhere, mixed, 1), DemoMessages.MIXER);
			thankTheTeam(mixer, DemoMessages.thanks(mixed.get(0), mixed.get(1), mixed.get(2)));

			List<EmployeeRef> learners = spread(elsewhere.subList(elsewhere.size() / 2, elsewhere.size()), 12);
			past(friday(today, 4).minusDays(2),
					new DemoPlans.Draft(STUDY_TITLE, PlanKind.STUDY_SESSION,
							"経理部が経費精算のつまずきどころを紹介し、各部署のやり方を持ち寄って、月末の手戻りを減らす。", "経費精算をするすべての社員",
							"本社 5F 研修室", 15, 0L),
					List.of(), List.of(), null, learners, 10, new int[] { 2, 6 }, notAmong(elsewhere, learners, 2), DemoMessages.STUDY);
		});
		today(organiser, peers, elsewhere);
	}

	/**
	 * A past event: approved, the personal wave sent and answered, the first {@code yes} invitees saying
	 * yes (beyond the capacity they wait for a seat) and the others declining, everyone who said yes checked
	 * in but the no-shows, the walk-ins checked in too; then moved back to the evening of {@code day}.
	 * @param noShows positions among those who said yes who did not come
	 */
	private long past(LocalDate day, DemoPlans.Draft draft, List<String> coOrganisers, List<DemoPlans.Task> tasks,
			String direction, List<EmployeeRef> invited, int yes, int[] noShows, List<EmployeeRef> walkIns, DemoMessages messages) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		// Plans are made for the future: this one starts in two hours, its check-in list open already.
		Instant start = now.plus(2, ChronoUnit.HOURS);
		long planId = this.transaction.execute(status -> this.plans.approvedEvent(ORGANISER, draft, start,
				Duration.ofMinutes(150), now.plus(1, ChronoUnit.HOURS), coOrganisers, tasks, direction));
		this.transaction.executeWithoutResult(status -> {
			this.invitations.sendPersonalWave(planId, ORGANISER, messages.to(invited, this.directory.departmentsByCode()));
			this.invitations.answer(planId, ids(invited.subList(0, yes)), ids(invited.subList(yes, invited.size())));
			this.invitations.noReminders(planId, ORGANISER);
			long organiserId = person(ORGANISER).id();
			List<Long> organisers = new ArrayList<>(List.of(organiserId));
			coOrganisers.forEach(email -> organisers.add(person(email).id()));
			int tap = 0;
			for (int i = 0; i < yes; i++) {
				if (!contains(noShows, i)) {
					this.checkIns.checkIn(planId, invited.get(i).id(), organisers.get(tap++ % organisers.size()), null);
				}
			}
			for (EmployeeRef walkIn : walkIns) {
				this.checkIns.checkIn(planId, walkIn.id(), organiserId, null);
			}
			Duration back = this.plans.moveIntoThePast(planId, day);
			this.invitations.moveIntoThePast(planId, back.plus(Duration.ofDays(14)));
			movedIntoThePast(planId, start.minus(back));
		});
		return planId;
	}

	/**
	 * The event of today: it starts in about an hour, full, with two people on the waitlist, one who
	 * declined and one who has not answered; its invitations and the waitlist's notices are in the mailbox.
	 */
	private void today(EmployeeRef organiser, List<EmployeeRef> peers, List<EmployeeRef> elsewhere) {
		Instant inAnHour = this.clock.instant().plus(65, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
		// On the five minutes, as people set a time.
		Instant start = inAnHour.minusSeconds(inAnHour.getEpochSecond() % 300);
		Instant deadline = start.minus(30, ChronoUnit.MINUTES);
		DemoPlans.Draft draft = new DemoPlans.Draft(TODAY_TITLE, PlanKind.CROSS_DEPARTMENT_MIXER,
				"ボードゲームを囲んで、営業部と企画・開発部を中心に部署を越えて話すきっかけをつくる。", "全社員", "本社 8F 大会議室",
				TODAY_CAPACITY, 30_000L);
		List<EmployeeRef> invited = new ArrayList<>();
		invited.add(person("emily.clark@tsunagu.example"));
		invited.add(person("david.lee@tsunagu.example"));
		invited.addAll(slice(peers, 16, 22));
		invited.addAll(spread(elsewhere.subList(20, elsewhere.size() / 2), 8));
		// Fourteen say yes: twelve seats, then the waitlist; one declines; the last has not answered yet.
		long planId = this.transaction.execute(status -> {
			long[] id = new long[1];
			this.outbox.withoutMailForTheDemo(() -> id[0] = this.plans.approvedEvent(ORGANISER, draft, start,
					Duration.ofHours(2), deadline, List.of(CO_ORGANISER_TODAY), List.of(), "営業と開発が気軽に相談し合える関係づくりに期待しています。"));
			return id[0];
		});
		this.transaction.executeWithoutResult(status -> {
			this.invitations.noReminders(planId, ORGANISER);
			this.invitations.sendPersonalWave(planId, ORGANISER, DemoMessages.TODAY.to(invited, this.directory.departmentsByCode()));
			this.invitations.answer(planId, ids(invited.subList(0, 14)), ids(invited.subList(14, 15)));
		});
	}

	/** Series: the three cohort meetups are editions of one series, oldest first. */
	private void formSeries(List<Long> editions) {
		this.plans.formSeries(editions);
	}

	/**
	 * Thanks: after the mixer the organiser thanked its co-organiser and the two helpers of its tasks, each
	 * with a message of their own, the morning after the event.
	 */
	private void thankTheTeam(long planId, Map<Long, String> messages) {
		EmployeeRef organiser = person(ORGANISER);
		this.transaction.executeWithoutResult(status -> {
			this.thanks.thankTeam(planId, organiser.id(), organiser.email(), messages);
			this.jdbc.sql("""
					UPDATE thank_yous t SET sent_at = p.ends_at + interval '14 hours' FROM event_plans p
					WHERE p.id = t.plan_id AND t.plan_id = ?""")
				.param(planId)
				.update();
		});
	}

	/** Who came is checked in a little before the start and in the first minutes after it, in the order they came. */
	private void movedIntoThePast(long planId, Instant startsAt) {
		this.jdbc.sql("""
				UPDATE check_ins c SET checked_in_at = CAST(:opens AS timestamptz) + make_interval(secs => 45 * o.n)
				FROM (SELECT employee_id, row_number() OVER (ORDER BY checked_in_at, employee_id) AS n
				      FROM check_ins WHERE plan_id = :id) o
				WHERE c.plan_id = :id AND c.employee_id = o.employee_id""")
			.param("opens", Timestamp.from(startsAt.minus(15, ChronoUnit.MINUTES)))
			.param("id", planId)
			.update();
		this.jdbc.sql("""
				UPDATE check_in_taps t SET received_at = c.checked_in_at FROM check_ins c
				WHERE t.plan_id = :id AND c.plan_id = t.plan_id AND c.employee_id = t.employee_id""")
			.param("id", planId)
			.update();
	}

	private DemoPlans.Draft cohortDraft(int joinYear, String venue) {
		return new DemoPlans.Draft(COHORT_TITLE.formatted(joinYear), PlanKind.COHORT_MEETUP,
				"同じ年に入社した仲間が部署を越えて近況を話し、困ったときに相談し合える関係を保つ。", joinYear + "年前後に入社した社員", venue, 20,
				null);
	}

	/** The Friday a number of weeks before this one. */
	private static LocalDate friday(LocalDate today, int weeksAgo) {
		return today.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY)).minusWeeks(weeksAgo - 1L);
	}

	/** Some people from each department in turn, so that a mixer mixes. */
	private static List<EmployeeRef> spread(List<EmployeeRef> people, int count) {
		Map<String, List<EmployeeRef>> byDepartment = new LinkedHashMap<>();
		people.forEach(person -> byDepartment.computeIfAbsent(person.departmentCode(), code -> new ArrayList<>()).add(person));
		List<EmployeeRef> spread = new ArrayList<>();
		for (int round = 0; spread.size() < count; round++) {
			int before = spread.size();
			for (List<EmployeeRef> department : byDepartment.values()) {
				if (round < department.size() && spread.size() < count) {
					spread.add(department.get(round));
				}
			}
			if (spread.size() == before) {
				break;
			}
		}
		return spread;
	}

	/** The last few people of a list who are not among those invited. */
	private static List<EmployeeRef> notAmong(List<EmployeeRef> people, List<EmployeeRef> invited, int count) {
		Set<Long> invitedIds = Set.copyOf(ids(invited));
		List<EmployeeRef> others = people.stream().filter(person -> !invitedIds.contains(person.id())).toList();
		return others.subList(others.size() - count, others.size());
	}

	private static List<EmployeeRef> slice(List<EmployeeRef> people, int from, int to) {
		return people.subList(Math.min(from, people.size()), Math.min(to, people.size()));
	}

	private static List<Long> ids(List<EmployeeRef> people) {
		return people.stream().map(EmployeeRef::id).toList();
	}

	private static Set<Long> idsOf(List<EmployeeRef> people, EmployeeRef also) {
		Set<Long> ids = new HashSet<>(ids(people));
		ids.add(also.id());
		return ids;
	}

	private static boolean contains(int[] positions, int position) {
		for (int candidate : positions) {
			if (candidate == position) {
				return true;
			}
		}
		return false;
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow(() -> new IllegalStateException("No demo employee " + email));
	}

}
