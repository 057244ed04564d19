package io.tsunagu.attendance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The door's rules: one check-in for a person however many taps and organisers, a replayed tap applied
 * once, walk-ins marked, and no check-in outside the window, for a cancelled event or by anyone but
 * its organisers.
 */
class CheckInsTests extends AttendanceTestBase {

	static final int PEOPLE = 50;

	@Autowired
	CheckIns checkIns;

	@Test
	void twoOrganisersCheckingInTheSamePeopleAtOnceMakeOneCheckInEach() throws Exception {
		long plan = this.day.today("二人の幹事 " + System.nanoTime(), 60);
		List<Long> people = this.day.someEmployees(PEOPLE);
		this.day.answered(plan, people, "ATTENDING");
		long lead = this.events.organiser().id();
		long co = this.directory.findByEmail(EventDay.CO_ORGANISER).orElseThrow().id();
		List<UUID> leadTaps = people.stream().map(p -> UUID.randomUUID()).toList();
		List<UUID> coTaps = people.stream().map(p -> UUID.randomUUID()).toList();

		ExecutorService phones = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> both = new ArrayList<>();
			for (long organiser : List.of(lead, co)) {
				List<UUID> taps = organiser == lead ? leadTaps : coTaps;
				both.add(phones.submit(() -> {
					start.await();
					for (int i = 0; i < PEOPLE; i++) {
						this.checkIns.checkIn(plan, people.get(i), organiser, taps.get(i));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> phone : both) {
				phone.get();
			}
		}
		finally {
			phones.shutdown();
		}
		// The lead's phone lost the replies and sends its queue again.
		for (int i = 0; i < PEOPLE; i++) {
			this.checkIns.checkIn(plan, people.get(i), lead, leadTaps.get(i));
		}

		assertThat(this.checkIns.whoCame(plan)).hasSize(PEOPLE).noneMatch(Came::walkIn);
		assertThat(audited(plan, "attendance.check-in")).isEqualTo(PEOPLE);
	}

	@Test
	void anUndoIsNotUndoneByTheCheckInTapSentAgain() {
		long plan = this.day.today("取り消し " + System.nanoTime(), 10);
		long person = this.day.someEmployees(1).get(0);
		this.day.answered(plan, List.of(person), "WAITLISTED");
		long lead = this.events.organiser().id();
		UUID tap = UUID.randomUUID();

		assertThat(this.checkIns.checkIn(plan, person, lead, tap).orElseThrow().walkIn()).as("the waitlist is expected").isFalse();
		assertThat(this.checkIns.undo(plan, person, lead, UUID.randomUUID())).isEmpty();
		assertThat(this.checkIns.checkIn(plan, person, lead, tap)).as("the first tap, sent again").isEmpty();

		assertThat(this.checkIns.whoCame(plan)).isEmpty();
		assertThat(audited(plan, "attendance.undo")).isEqualTo(1);
	}

	@Test
	void aColleagueNotAttendingComesInAsAWalkIn() {
		long plan = this.day.today("飛び入り " + System.nanoTime(), 10);
		List<Long> people = this.day.someEmployees(2);
		this.day.answered(plan, people.subList(0, 1), "DECLINED");

		long lead = this.events.organiser().id();
		assertThat(this.checkIns.checkIn(plan, people.get(0), lead, UUID.randomUUID()).orElseThrow().walkIn()).as("declined").isTrue();
		assertThat(this.checkIns.checkIn(plan, people.get(1), lead, UUID.randomUUID()).orElseThrow().walkIn()).as("not invited").isTrue();
		assertThat(audited(plan, "attendance.walk-in")).isEqualTo(2);
	}

	@Test
	void onlyTheEventsOrganisersCheckPeopleIn() {
		long plan = this.day.today("幹事だけ " + System.nanoTime(), 10);
		long person = this.day.someEmployees(1).get(0);
		long stranger = this.directory.findByEmail("david.lee@tsunagu.example").orElseThrow().id();

		assertRefused(() -> this.checkIns.checkIn(plan, person, stranger, UUID.randomUUID()), "attendance.refused.notOrganiser");
		assertRefused(() -> this.checkIns.checkIn(plan + 1_000_000, person, stranger, null), "attendance.refused.unknownEvent");
		assertThat(this.checkIns.whoCame(plan)).isEmpty();
	}

	@Test
	void checkInsOpenAFewHoursBeforeTheStartAndCloseTheDayAfter() {
		long lead = this.events.organiser().id();
		long person = this.day.someEmployees(1).get(0);
		long later = this.events.anApprovedEvent("来月の会 " + System.nanoTime(), 10);
		long longAgo = this.day.today("先週の会 " + System.nanoTime(), 10);
		this.day.movedToThePast(longAgo, 24 * 7);
		long lastNight = this.day.today("昨夜の会 " + System.nanoTime(), 10);
		this.day.movedToThePast(lastNight, 12);

		assertRefused(() -> this.checkIns.checkIn(later, person, lead, null), "attendance.refused.tooEarly");
		assertRefused(() -> this.checkIns.checkIn(longAgo, person, lead, null), "attendance.refused.closed");
		assertThat(this.checkIns.checkIn(lastNight, person, lead, null).orElseThrow().walkIn()).as("a correction the morning after").isTrue();
		assertThat(this.checkIns.whoCame(later)).isEmpty();
		assertThat(this.checkIns.whoCame(longAgo)).isEmpty();
	}

	@Test
	void aCancelledEventTakesNoCheckIns() {
		long plan = this.day.today("中止 " + System.nanoTime(), 10);
		this.events.cancel(plan);

		assertRefused(() -> this.checkIns.checkIn(plan, this.day.someEmployees(1).get(0), this.events.organiser().id(), null),
				"attendance.refused.cancelled");
	}

	private long audited(long plan, String action) {
		return this.jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ? AND subject = ?")
			.params(action, "plan " + plan)
			.query(Long.class)
			.single();
	}

	private static void assertRefused(Runnable tap, String messageKey) {
		assertThatThrownBy(tap::run).isInstanceOf(CheckInRefused.class).hasMessage(messageKey);
	}

}
