package io.tsunagu.audience;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.Rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@TsunaguTest
class AudiencesTests {

	@Autowired
	Audiences audiences;

	@Autowired
	Directory directory;

	@Test
	void aCohortMeetupReachesThoseWhoJoinedWithinThreeYearsOfTheOrganiser() {
		List<EmployeeRef> cohort = this.audiences.members(Segment.cohortAround(2016), List.of());
		assertThat(cohort).isNotEmpty();
		assertThat(cohort).extracting(EmployeeRef::joinYear).allSatisfy(year -> assertThat(year).isBetween(2013, 2019));
		assertThat(cohort).extracting(EmployeeRef::joinYear).contains(2013, 2019);
		assertThat(this.audiences.preview(Segment.cohortAround(2016), List.of()).count()).isEqualTo(cohort.size());
	}

	@Test
	void aCompanyTripForManagementReachesTheExecutiveAndTheOfficers() {
		List<EmployeeRef> management = this.audiences.members(Segment.management(), List.of());
		assertThat(management).extracting(EmployeeRef::rank).containsOnly(Rank.EXECUTIVE, Rank.OFFICER);
		assertThat(management).extracting(EmployeeRef::email)
			.contains("president@tsunagu.example", "officer@tsunagu.example", "yoko.nakamura@tsunagu.example",
					"takashi.kobayashi@tsunagu.example");
	}

	@Test
	void leavesOutThoseAlreadyInvited() {
		EmployeeRef president = this.directory.findByEmail("president@tsunagu.example").orElseThrow();
		long all = this.audiences.preview(Segment.management(), List.of()).count();
		AudiencePreview rest = this.audiences.preview(Segment.management(), List.of(president.id()));
		assertThat(rest.count()).isEqualTo(all - 1);
		assertThat(rest.sample()).extracting(EmployeeRef::id).doesNotContain(president.id());
	}

	@Test
	void previewsACountAndASampleOfNames() {
		AudiencePreview sales = this.audiences.preview(new Segment(Set.of("SALES"), Set.of(Rank.STAFF), null, null), List.of());
		assertThat(sales.count()).isGreaterThan(Audiences.SAMPLE_SIZE);
		assertThat(sales.sample()).hasSize(Audiences.SAMPLE_SIZE)
			.allSatisfy(e -> {
				assertThat(e.departmentCode()).isEqualTo("SALES");
				assertThat(e.rank()).isEqualTo(Rank.STAFF);
			});
	}

	@Test
	void refusesAJoinYearRangeThatRunsBackwards() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Segment(Set.of(), Set.of(), 2020, 2010));
	}

}
