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
import org.springframework.context.ApplicationEventPublisher;
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
 * The demo company's events, seeded with it: a year of past events with who came, walk-ins and no-shows,
 * and one event starting about an hour after the first start, whose check-in page can be tried at once.
 * The year is shaped so that the department map tells a story: 営業 and 企画・開発 hardly know each other
 * until the mixer the organiser holds for them, and meet more after it; 物流 stays nearly alone (two of
 * its people come to the company trip, nothing else). Past events: a series of four cohort meetups, three
 * mixers (the back office's lunch, 営業 × 企画・開発, the autumn mixer after which the team was thanked), a
 * company trip led by general affairs, and two study sessions, most with a team that prepared them.
 * <p>
 * Everything goes through the modules' own services, as the pages would do it; only moving a finished event
 * months back is written straight into the tables, by the module that owns each. The past sends no mail;
 * the event of today sends its invitations to the built-in mailbox. Once the past is written,
 * {@link DemoEventsSeeded} names its events, oldest first, so that the ties they made are recorded at once.
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

	/** General affairs, who leads the back office's lunch and the company trip. */
	static final String GENERAL_AFFAIRS = "admin@tsunagu.example";

	static final String COHORT_TITLE = "%d年入社 同期会";

	static final String FIRST_STUDY_TITLE = "勉強会：伝わる企画書の書き方";

	static final String LUNCH_TITLE = "管理部門 合同ランチ会";

	static final String BRIDGE_TITLE = "営業×企画・開発 交流会";

	static final String TRIP_TITLE = "社員旅行 箱根 大宴会";

	static final String MIXER_TITLE = "部署横断 秋の交流会";

	static final String STUDY_TITLE = "勉強会：経費精算を 10 分で終わらせるコツ";

	static final String TODAY_TITLE = "部署横断 ボードゲーム交流会";

	static final int TODAY_CAPACITY = 12;

	static final String EMILY = "emily.clark@tsunagu.example";

	static final String DAVID = "david.lee@tsunagu.example";

	/** The department that stays nearly alone. */
	static final String APART = "LOG";

	private final DemoPlans plans;

	private final DemoInvitations invitations;

	private final CheckIns checkIns;

	private final Thanks thanks;

	private final Directory directory;

	private final Outbox outbox;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile CompletableFuture<Void> seeding = CompletableFuture.completedFuture(null);

	DemoEvents(DemoPlans plans, DemoInvitations invitations, CheckIns checkIns, Thanks thanks, Directory directory,
			Outbox outbox, JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.plans = plans;
		this.thanks = thanks;
		this.invitations = invitations;
		this.checkIns = checkIns;
		this.directory = directory;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.events = events;
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
			int past = seed();
			log.info("Seeded the demo events in {} ms: {} past events over a year and one today, starting in about an hour",
					Duration.ofNanos(System.nanoTime() - started).toMillis(), past);
		}
		catch (RuntimeException ex) {
			// The demo company is there, and can be tried without its events.
			log.error("Could not seed all of the demo events", ex);
		}
	}

	/** @return how many past events were seeded */
	private int seed() {
		EmployeeRef organiser = person(ORGANISER);
		EmployeeRef generalAffairs = person(GENERAL_AFFAIRS);
		ZoneId zone = ZoneId.of("Asia/Tokyo");
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		int cohort = organiser.joinYear();
		// The leads and the two who read English are invited by name where they are, never from a pool.
		Set<Long> leads = Set.of(organiser.id(), generalAffairs.id(), person(EMILY).id(), person(DAVID).id());
		List<EmployeeRef> peers = this.directory.find(new EmployeeFilter(Set.of(), Set.of(Rank.STAFF), cohort - 2, cohort + 2),
				leads, 40);
		Set<Long> taken = new HashSet<>(ids(peers));
		taken.addAll(leads);
		List<EmployeeRef> elsewhere = this.directory.find(
				new EmployeeFilter(Set.of("SALES", "ACCT", "GA", "PR"), Set.of(Rank.STAFF), null, null), taken, 200);
		List<EmployeeRef> planning = this.directory.find(new EmployeeFilter(Set.of("PLAN"), Set.of(Rank.STAFF), null, null),
				taken, 60);
		List<EmployeeRef> apart = this.directory.find(new EmployeeFilter(Set.of(APART), Set.of(Rank.STAFF), null, null),
				leads, 60);
		// The cohort meetups leave 物流 out; before the mixer of 営業 and 企画・開発, 営業 too, but for one walk-in.
		List<EmployeeRef> cohortPeers = inNone(peers, APART);
		List<EmployeeRef> earlyPeers = inNone(cohortPeers, "SALES");
		List<EmployeeRef> salesPeers = inOnly(cohortPeers, "SALES");
		List<EmployeeRef> sales = inOnly(elsewhere, "SALES");
		List<EmployeeRef> backOffice = inNone(elsewhere, "SALES");

		List<Long> history = new ArrayList<>();
		this.outbox.withoutMailForTheDemo(() -> {
			List<Long> series = new ArrayList<>();
			List<EmployeeRef> readers = spread(concat(planning.subList(0, 16), without(backOffice, backOffice.get(0))), 14);
			history.add(past(new Past(ORGANISER, friday(today, 50), new DemoPlans.Draft(FIRST_STUDY_TITLE, PlanKind.STUDY_SESSION,
					"企画部門が企画書の組み立て方を紹介し、管理部門の目線で読みやすさを確かめ合う。", "企画書や稟議書を書くすべての社員", "本社 5F 研修室", 16,
					0L))
				.tasks(task("資料の印刷と受付", backOffice.get(0)))
				.invited(readers, 11, 4)
				.walkIns(planning.subList(16, 17))
				.messages(DemoMessages.FIRST_STUDY)));
			series.add(past(cohortMeetup(cohort, friday(today, 46), "新橋の居酒屋「つなぎ」 個室")
				.invited(slice(earlyPeers, 0, 10), 8, 7)
				.walkIns(salesPeers.isEmpty() ? sales.subList(0, 1) : salesPeers.subList(0, 1))));
			history.add(series.get(0));
			List<EmployeeRef> lunchers = spread(without(backOffice, backOffice.get(1), backOffice.get(2)), 13);
			lunchers.add(1, person("takashi.kobayashi@tsunagu.example"));
			history.add(past(new Past(GENERAL_AFFAIRS, friday(today, 38), new DemoPlans.Draft(LUNCH_TITLE,
					PlanKind.CROSS_DEPARTMENT_MIXER, "経理・総務・広報が昼休みに集まり、月末や締め日の段取りを相談できる顔見知りになる。", "経理部・総務部・広報部の社員",
					"本社 1F カフェテリア", 14, 30_000L))
				.coOrganisers(backOffice.get(1))
				.tasks(task("お弁当の手配", backOffice.get(2)))
				.invited(lunchers, 12, 5)
				.walkIns(notAmong(backOffice, lunchers, 1))
				.messages(DemoMessages.LUNCH)));
			List<EmployeeRef> second = slice(earlyPeers, 0, 12);
			series.add(past(cohortMeetup(cohort, friday(today, 33), "有楽町 ダイニング「和」")
				.tasks(task("お店の予約", earlyPeers.get(1)))
				.invited(second, Math.min(9, second.size() - 1), 4)
				// The last of those invited declined, and came after all.
				.walkIns(second.subList(second.size() - 1, second.size()))));
			history.add(series.get(1));

			// The turning point: the organiser brings 営業 and 企画・開発 to one room, with the sales manager.
			List<EmployeeRef> bridge = alternate(sales, planning, 24);
			history.add(past(new Past(ORGANISER, friday(today, 24), new DemoPlans.Draft(BRIDGE_TITLE, PlanKind.CROSS_DEPARTMENT_MIXER,
					"電話とメールでしか話さない営業部と企画・開発部が顔を合わせ、お客様の声と製品づくりをつなぐ相談相手を見つける。", "営業部と企画・開発部の社員",
					"本社 8F 大会議室", 20, 60_000L))
				.coOrganisers(person(CO_ORGANISER_TODAY))
				.tasks(task("会場の予約とレイアウト", bridge.get(0)), task("自己紹介カードの準備", bridge.get(1)))
				.direction("お客様の声が製品づくりに届く関係を、この会から。")
				.invited(bridge.subList(2, bridge.size()), 20, 6, 15)
				.walkIns(notAmong(sales, bridge, 1))
				.messages(DemoMessages.BRIDGE)));
			List<EmployeeRef> third = concat(slice(earlyPeers, 2, 10), slice(salesPeers, 0, 4));
			series.add(past(cohortMeetup(cohort, friday(today, 20), "銀座 ビアホール 2F")
				.invited(third, 10, 4)
				.walkIns(notAmong(earlyPeers, third, 2))));
			history.add(series.get(2));

			List<EmployeeRef> travellers = new ArrayList<>(List.of(person("president@tsunagu.example"),
					person("officer@tsunagu.example"), person("yoko.nakamura@tsunagu.example"),
					person("takashi.kobayashi@tsunagu.example"), organiser, person(EMILY), person(DAVID)));
			travellers.addAll(slice(apart, 0, 1));
			travellers.addAll(spread(without(elsewhere, backOffice.get(3), backOffice.get(4), backOffice.get(5)), 20));
			travellers.addAll(slice(planning, 12, 20));
			history.add(past(new Past(GENERAL_AFFAIRS, friday(today, 16).plusDays(1), new DemoPlans.Draft(TRIP_TITLE,
					PlanKind.COMPANY_TRIP, "部署や役職を越えて一晩を共にし、社長から今期の方針を直接聞き、社員同士が気軽に話せる関係をつくる。", "全社員（役員を含む）",
					"箱根湯本 旅館「つなぎ荘」 大広間", 40, 1_200_000L))
				.coOrganisers(backOffice.get(3))
				.tasks(task("バスと宿の手配", backOffice.get(4)), task("宴会の司会", backOffice.get(5)))
				.direction("家族にも話したくなる旅に。経営の考えを率直に伝える場にしたい。")
				.invited(travellers, travellers.size() - 2, 9, 21, 30)
				.walkIns(slice(planning, 20, 21))
				.messages(DemoMessages.TRIP)));

			List<EmployeeRef> mixed = spread(elsewhere, 23);
			long mixer = past(new Past(ORGANISER, friday(today, 12), new DemoPlans.Draft(MIXER_TITLE, PlanKind.CROSS_DEPARTMENT_MIXER,
					"普段は仕事で関わらない部署同士が顔見知りになり、困ったときに声をかけ合える関係をつくる。", "全社員（各部署から数名ずつ）", "本社 8F 大会議室", 16,
					80_000L))
				.coOrganisers(mixed.get(0))
				.tasks(task("会場の予約と机の配置", mixed.get(1)), task("名札と席札の準備", mixed.get(2)))
				.direction("新しく入った人が、ほかの部署に一人は顔見知りができるように。")
				.invited(mixed.subList(3, 23), 18, 3, 11, 17)
				.walkIns(notAmong(elsewhere, mixed, 1))
				.messages(DemoMessages.MIXER));
			history.add(mixer);
			thankTheTeam(mixer, DemoMessages.thanks(mixed.get(0), mixed.get(1), mixed.get(2)));
			List<EmployeeRef> fourth = concat(slice(earlyPeers, 2, 12), slice(salesPeers, 0, 4));
			series.add(past(cohortMeetup(cohort, friday(today, 6), "銀座 ビアホール 2F")
				.tasks(task("お店の予約", salesPeers.isEmpty() ? earlyPeers.get(2) : salesPeers.get(0)))
				.invited(fourth, 10, 5)
				.walkIns(notAmong(cohortPeers, fourth, 2))));
			history.add(series.get(3));
			formSeries(series);

			List<EmployeeRef> learners = spread(elsewhere.subList(elsewhere.size() / 2, elsewhere.size()), 13);
			history.add(past(new Past(ORGANISER, friday(today, 4).minusDays(2), new DemoPlans.Draft(STUDY_TITLE, PlanKind.STUDY_SESSION,
					"経理部が経費精算のつまずきどころを紹介し、各部署のやり方を持ち寄って、月末の手戻りを減らす。", "経費精算をするすべての社員", "本社 5F 研修室", 15,
					0L))
				.tasks(task("つまずきどころの資料づくり", learners.get(0)))
				.invited(learners.subList(1, learners.size()), 10, 2, 6)
				.walkIns(notAmong(elsewhere, learners, 2))
				.messages(DemoMessages.STUDY)));
		});
		today(organiser, peers, elsewhere);
		// The ties these events made are recorded now, not at the next recording pass: the organiser's
		// network, the suggestions and the department map have the year to show from the first visit.
		this.events.publishEvent(new DemoEventsSeeded(history));
		return history.size();
	}

	/** A cohort meetup of the organiser's join year, without a team of its own unless given one. */
	private Past cohortMeetup(int joinYear, LocalDate day, String venue) {
		return new Past(ORGANISER, day, new DemoPlans.Draft(COHORT_TITLE.formatted(joinYear), PlanKind.COHORT_MEETUP,
				"同じ年に入社した仲間が部署を越えて近況を話し、困ったときに相談し合える関係を保つ。", joinYear + "年前後に入社した社員", venue, 20,
				null)).messages(DemoMessages.COHORT);
	}

	/**
	 * A past event: approved, the personal wave sent and answered, the first {@code yes} invitees saying
	 * yes (beyond the capacity they wait for a seat) and the others declining, everyone who said yes checked
	 * in but the no-shows, the walk-ins checked in too; then moved back to the evening of its day.
	 */
	private long past(Past event) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		// Plans are made for the future: this one starts in two hours, its check-in list open already.
		Instant start = now.plus(2, ChronoUnit.HOURS);
		List<String> coOrganisers = event.coOrganisers.stream().map(EmployeeRef::email).toList();
		long planId = this.transaction.execute(status -> this.plans.approvedEvent(event.lead, event.draft, start,
				Duration.ofMinutes(150), now.plus(1, ChronoUnit.HOURS), coOrganisers, event.tasks, event.direction));
		List<EmployeeRef> invited = event.invited;
		this.transaction.executeWithoutResult(status -> {
			EmployeeRef lead = person(event.lead);
			this.invitations.sendPersonalWave(planId, event.lead,
					event.messages.to(invited, this.directory.departmentsByCode(), lead));
			this.invitations.answer(planId, ids(invited.subList(0, event.yes)), ids(invited.subList(event.yes, invited.size())));
			this.invitations.noReminders(planId, event.lead);
			List<Long> organisers = new ArrayList<>(List.of(lead.id()));
			organisers.addAll(ids(event.coOrganisers));
			int tap = 0;
			for (int i = 0; i < event.yes; i++) {
				if (!contains(event.noShows, i)) {
					this.checkIns.checkIn(planId, invited.get(i).id(), organisers.get(tap++ % organisers.size()), null);
				}
			}
			for (EmployeeRef walkIn : event.walkIns) {
				this.checkIns.checkIn(planId, walkIn.id(), lead.id(), null);
			}
			Duration back = this.plans.moveIntoThePast(planId, event.day);
			this.invitations.moveIntoThePast(planId, back.plus(Duration.ofDays(14)));
			movedIntoThePast(planId, start.minus(back));
		});
		return planId;
	}

	/** A past event as it is written: who led and prepared it, who was invited, who said yes and who came. */
	private static final class Past {

		final String lead;

		final LocalDate day;

		final DemoPlans.Draft draft;

		List<EmployeeRef> coOrganisers = List.of();

		List<DemoPlans.Task> tasks = List.of();

		String direction;

		List<EmployeeRef> invited = List.of();

		int yes;

		int[] noShows = {};

		List<EmployeeRef> walkIns = List.of();

		DemoMessages messages;

		Past(String lead, LocalDate day, DemoPlans.Draft draft) {
			this.lead = lead;
			this.day = day;
			this.draft = draft;
		}

		Past coOrganisers(EmployeeRef... people) {
			this.coOrganisers = List.of(people);
			return this;
		}

		Past tasks(DemoPlans.Task... tasks) {
			this.tasks = List.of(tasks);
			return this;
		}

		Past direction(String direction) {
			this.direction = direction;
			return this;
		}

		/**
		 * @param yes how many of the invited, first in the list, said yes; the others declined
		 * @param noShows positions among those who said yes who did not come
		 */
		Past invited(List<EmployeeRef> people, int yes, int... noShows) {
			this.invited = List.copyOf(people);
			this.yes = Math.min(yes, people.size());
			this.noShows = noShows;
			return this;
		}

		Past walkIns(List<EmployeeRef> people) {
			this.walkIns = List.copyOf(people);
			return this;
		}

		Past messages(DemoMessages messages) {
			this.messages = messages;
			return this;
		}

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
		invited.add(person(EMILY));
		invited.add(person(DAVID));
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
			this.invitations.sendPersonalWave(planId, ORGANISER,
					DemoMessages.TODAY.to(invited, this.directory.departmentsByCode(), organiser));
			this.invitations.answer(planId, ids(invited.subList(0, 14)), ids(invited.subList(14, 15)));
		});
	}

	/** Series: the four cohort meetups are editions of one series, oldest first. */
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

	private static DemoPlans.Task task(String title, EmployeeRef helper) {
		return new DemoPlans.Task(title, helper.email());
	}

	/** Those of the people in none of these departments. */
	private static List<EmployeeRef> inNone(List<EmployeeRef> people, String... departmentCodes) {
		Set<String> codes = Set.of(departmentCodes);
		return people.stream().filter(person -> !codes.contains(person.departmentCode())).toList();
	}

	/** Those of the people in this department. */
	private static List<EmployeeRef> inOnly(List<EmployeeRef> people, String departmentCode) {
		return people.stream().filter(person -> person.departmentCode().equals(departmentCode)).toList();
	}

	private static List<EmployeeRef> without(List<EmployeeRef> people, EmployeeRef... left) {
		Set<Long> leftIds = Set.copyOf(ids(List.of(left)));
		return people.stream().filter(person -> !leftIds.contains(person.id())).toList();
	}

	private static List<EmployeeRef> concat(List<EmployeeRef> first, List<EmployeeRef> second) {
		List<EmployeeRef> both = new ArrayList<>(first);
		second.stream().filter(person -> !both.contains(person)).forEach(both::add);
		return both;
	}

	/** One of each list in turn, as long as both last. */
	private static List<EmployeeRef> alternate(List<EmployeeRef> first, List<EmployeeRef> second, int count) {
		List<EmployeeRef> mixed = new ArrayList<>();
		for (int i = 0; mixed.size() < count && i < Math.min(first.size(), second.size()); i++) {
			mixed.add(first.get(i));
			if (mixed.size() < count) {
				mixed.add(second.get(i));
			}
		}
		return mixed;
	}

	/** The last few people of a list who are not among those invited. */
	private static List<EmployeeRef> notAmong(List<EmployeeRef> people, List<EmployeeRef> invited, int count) {
		Set<Long> invitedIds = Set.copyOf(ids(invited));
		List<EmployeeRef> others = people.stream().filter(person -> !invitedIds.contains(person.id())).toList();
		return others.subList(Math.max(0, others.size() - count), others.size());
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
