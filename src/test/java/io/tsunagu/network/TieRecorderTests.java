package io.tsunagu.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.attendance.CheckIns;

class TieRecorderTests extends NetworkTestBase {

	@Autowired
	CheckIns checkIns;

	@Autowired
	Relationships relationships;

	@Test
	void preparingTogetherIsAStrongTieAndComingTogetherAWeakOne() {
		long sales = this.company.department("SALES", "営業部", "Sales");
		long dev = this.company.department("DEV", "企画・開発部", "Development");
		long lead = this.company.person("Aoi Lead", sales, 2018);
		long helper = this.company.person("Ren Helper", dev, 2019);
		long guest = this.company.person("Mio Guest", dev, 2020);
		long otherGuest = this.company.person("Sora Guest", sales, 2021);

		// The helper prepared it but did not come: tied to the lead, not to the guests. The lead organised it and
		// met the guests without checking in.
		this.company.held("交流会", "CROSS_DEPARTMENT_MIXER", LocalDate.of(2026, 5, 20), List.of(lead, helper),
				List.of(guest, otherGuest));

		assertThat(this.ties.of(lead)).extracting(Tie::employeeId, Tie::preparedTogether)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(helper, true),
					org.assertj.core.groups.Tuple.tuple(guest, false),
					org.assertj.core.groups.Tuple.tuple(otherGuest, false));
		assertThat(this.ties.of(helper)).extracting(Tie::employeeId).containsExactly(lead);
		assertThat(this.ties.of(guest)).extracting(Tie::employeeId).containsExactlyInAnyOrder(lead, otherGuest);
	}

	@Test
	void keepsWhenTwoFirstAndLastMetAndThroughWhichEvents() {
		long sales = this.company.department("SALES", "営業部", "Sales");
		long a = this.company.person("Aki First", sales, 2015);
		long b = this.company.person("Bun Second", sales, 2016);
		long spring = this.company.held("春の同期会", "COHORT_MEETUP", LocalDate.of(2026, 4, 10), List.of(a), List.of(a, b));
		long autumn = this.company.held("秋の同期会", "COHORT_MEETUP", LocalDate.of(2026, 10, 9), List.of(b), List.of(a, b));

		Tie tie = this.ties.of(a).get(0);

		assertThat(tie.employeeId()).isEqualTo(b);
		assertThat(tie.firstMet()).isEqualTo(LocalDate.of(2026, 4, 10));
		assertThat(tie.lastMet()).isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(tie.planIds()).containsExactly(autumn, spring);
		assertThat(tie.events()).isEqualTo(2);
		assertThat(this.ties.events(tie.planIds()).get(autumn).title()).isEqualTo("秋の同期会");
	}

	@Test
	void namesHowColleaguesStandByReportingLineThenByJoinYears() {
		long dept = this.company.department("PLAN", "企画部", "Planning");
		long director = this.company.person("Dai Director", dept, 1998);
		long manager = this.company.person("Mei Manager", dept, 2008, director);
		long me = this.company.person("Ima Me", dept, 2012, manager);
		long peer = this.company.person("Pia Peer", dept, 2017);
		long senior = this.company.person("Sei Senior", dept, 2005);
		long junior = this.company.person("Jun Junior", dept, 2020);
		long report = this.company.person("Rui Report", dept, 2022, me);

		Map<Long, Relationship> seen = this.relationships.of(me,
				List.of(director, manager, peer, senior, junior, report));

		assertThat(seen).containsEntry(director, Relationship.BOSS)
			.containsEntry(manager, Relationship.BOSS)
			.containsEntry(peer, Relationship.PEER)
			.containsEntry(senior, Relationship.SENIOR)
			.containsEntry(junior, Relationship.JUNIOR)
			.containsEntry(report, Relationship.REPORT);
		assertThat(this.relationships.of(director, List.of(me))).containsEntry(me, Relationship.REPORT);
	}

	@Test
	void countsThePairsWhoMetForTheFirstTimeAndWhatSeparatesThem() {
		long sales = this.company.department("SALES", "営業部", "Sales");
		long dev = this.company.department("DEV", "企画・開発部", "Development");
		long a = this.company.person("Ami Sales", sales, 2010);
		long b = this.company.person("Ben Dev", dev, 2011);
		long c = this.company.person("Chi Sales", sales, 2022);
		this.company.held("勉強会", "STUDY_SESSION", LocalDate.of(2026, 3, 3), List.of(a), List.of(a, b));
		long second = this.company.held("懇親会", "CROSS_DEPARTMENT_MIXER", LocalDate.of(2026, 6, 3), List.of(a),
				List.of(a, b, c));

		Map<String, Object> counts = this.jdbc.sql("""
				SELECT people, new_ties, new_cross_department_ties, new_ties_across_generations, new_ties_within_cohort
				FROM network_events WHERE plan_id = ?""").param(second).query().singleRow();

		// a–b met before; a–c (same department, 12 years apart) and b–c (across both) are new.
		assertThat(counts).containsEntry("people", 3)
			.containsEntry("new_ties", 2)
			.containsEntry("new_cross_department_ties", 1)
			.containsEntry("new_ties_across_generations", 2)
			.containsEntry("new_ties_within_cohort", 0);
	}

	@Test
	void recordingTheSameEventAgainChangesNothing() {
		long sales = this.company.department("SALES", "営業部", "Sales");
		long a = this.company.person("Aya Again", sales, 2010);
		long b = this.company.person("Bo Again", sales, 2012);
		long planId = this.company.held("新年会", "CELEBRATION", LocalDate.of(2026, 1, 9), List.of(a), List.of(a, b));
		List<Map<String, Object>> before = recorded(planId);

		assertThat(this.recorder.record(planId)).isTrue();

		assertThat(recorded(planId)).isEqualTo(before);
		assertThat(this.ties.of(a)).hasSize(1);
	}

	@Test
	void aCheckInCorrectedTheMorningAfterCorrectsTheTies() {
		long sales = this.company.department("SALES", "営業部", "Sales");
		long lead = this.company.person("Lea Door", sales, 2014);
		long mistaken = this.company.person("Mis Taken", sales, 2015);
		long real = this.company.person("Rea Came", sales, 2016);
		LocalDate yesterday = LocalDate.now(SmallCompany.TOKYO).minusDays(1);
		long planId = this.company.held("昨夜の交流会", "CROSS_DEPARTMENT_MIXER", yesterday, List.of(lead),
				List.of(lead, mistaken, real));
		assertThat(this.ties.of(real)).extracting(Tie::employeeId).containsExactlyInAnyOrder(lead, mistaken);

		this.checkIns.undo(planId, mistaken, lead, UUID.randomUUID());
		assertThat(this.jdbc.sql("SELECT stale FROM network_events WHERE plan_id = ?").param(planId).query(Boolean.class)
			.single()).isTrue();
		this.recorder.recordDue();

		assertThat(this.ties.of(real)).extracting(Tie::employeeId).containsExactly(lead);
		assertThat(this.ties.of(mistaken)).isEmpty();
	}

	@Test
	void thePassRecordsEventsThatAreOverAndNothingElse() {
		long sales = this.company.department("SALES", "営業部", "Sales");
		long a = this.company.person("Ova Over", sales, 2010);
		long b = this.company.person("Fu Future", sales, 2011);
		long over = this.company.planned("先週の会", "OTHER", LocalDate.now(SmallCompany.TOKYO).minusDays(7), List.of(a),
				List.of(a, b));
		long future = this.company.planned("来週の会", "OTHER", LocalDate.now(SmallCompany.TOKYO).plusDays(7), List.of(b),
				List.of());
		long cancelled = this.company.planned("中止の会", "OTHER", LocalDate.now(SmallCompany.TOKYO).minusDays(3), List.of(a),
				List.of(a, b));
		this.jdbc.sql("UPDATE event_plans SET status = 'CANCELLED' WHERE id = ?").param(cancelled).update();

		this.recorder.recordDue();

		assertThat(this.jdbc.sql("SELECT plan_id FROM network_events WHERE plan_id IN (?, ?, ?)")
			.params(over, future, cancelled)
			.query(Long.class)
			.list()).containsExactly(over);
		assertThat(this.recorder.record(future)).isFalse();
		assertThat(this.ties.of(b)).extracting(Tie::employeeId).containsExactly(a);
	}

	private List<Map<String, Object>> recorded(long planId) {
		return List.of(this.jdbc.sql("""
				SELECT people, new_ties, new_cross_department_ties, new_ties_across_generations, new_ties_within_cohort, stale
				FROM network_events WHERE plan_id = ?""").param(planId).query().singleRow(),
				Map.of("meetings", this.jdbc.sql("""
						SELECT string_agg(employee_id || ':' || prepared || ':' || came, ',' ORDER BY employee_id)
						FROM meetings WHERE plan_id = ?""").param(planId).query(String.class).single()));
	}

}
