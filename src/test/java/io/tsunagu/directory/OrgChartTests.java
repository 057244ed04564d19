package io.tsunagu.directory;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.OrgChartGap.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@TsunaguTest
@Transactional
class OrgChartTests {

	@Autowired
	OrgChart orgChart;

	@Autowired
	Departments departments;

	@Autowired
	Employees employees;

	@Autowired
	MessageSource messages;

	@Test
	void namesManagerOfficerAndTheExecutiveAboveTheOfficer() {
		Approvers approvers = this.orgChart.approversFor("SALES");
		assertThat(approvers.manager().email()).isEqualTo("manager@tsunagu.example");
		assertThat(approvers.officer().email()).isEqualTo("officer@tsunagu.example");
		assertThat(approvers.executive().email()).isEqualTo("president@tsunagu.example");
		assertThat(approvers.executive().rank()).isEqualTo(Rank.EXECUTIVE);
	}

	@Test
	void theDemoOrganisersPlansGoToTheApproversTheReadmeNames() {
		Approvers approvers = this.orgChart.approversFor("PLAN");
		assertThat(approvers.executive().email()).isEqualTo("president@tsunagu.example");
		assertThat(approvers.officer().email()).isEqualTo("yoko.nakamura@tsunagu.example");
		assertThat(approvers.manager().email()).isEqualTo("aoi.okamoto@tsunagu.example");
	}

	@Test
	void aSectionWithoutItsOwnHeadIsRunByItsParentsManager() {
		Department sales = this.departments.findByCode("SALES").orElseThrow();
		this.departments.save(new Department("SALES-EAST", "東日本営業課", "Sales East", sales));
		Approvers approvers = this.orgChart.approversFor("SALES-EAST");
		assertThat(approvers.manager().email()).isEqualTo("manager@tsunagu.example");
		assertThat(approvers.officer().email()).isEqualTo("officer@tsunagu.example");
	}

	@Test
	void fallsBackToTheCompanysExecutiveWhenTheOfficerReportsToNoExecutive() {
		Employee manager = this.employees.findByEmailIgnoreCase("manager@tsunagu.example").orElseThrow();
		Department lab = this.departments.save(new Department("LAB", "研究所", "Lab", null));
		lab.assignHead(manager);
		lab.assignOfficer(manager);
		assertThat(this.orgChart.approversFor("LAB").executive().email()).isEqualTo("president@tsunagu.example");
	}

	@Test
	void namesTheDepartmentAndTheMissingManager() {
		this.departments.save(new Department("NEW", "新規事業室", "New Business", null));
		assertThatExceptionOfType(OrgChartGap.class).isThrownBy(() -> this.orgChart.approversFor("NEW"))
			.satisfies(gap -> {
				assertThat(gap.departmentCode()).isEqualTo("NEW");
				assertThat(gap.missing()).isEqualTo(Role.MANAGER);
				assertThat(this.messages.getMessage(gap.messageKey(), new Object[] { gap.departmentName(), gap.departmentCode() },
						Locale.JAPANESE))
					.isEqualTo("組織図で部署「新規事業室」（NEW）の部長が決まっていません。");
				assertThat(this.messages.getMessage(gap.messageKey(), new Object[] { gap.departmentName(), gap.departmentCode() },
						Locale.ENGLISH))
					.isEqualTo("The department 新規事業室 (NEW) has no manager in the org chart.");
			});
	}

	@Test
	void namesTheMissingOfficer() {
		Employee manager = this.employees.findByEmailIgnoreCase("manager@tsunagu.example").orElseThrow();
		Department office = this.departments.save(new Department("NEW2", "新規事業二課", null, null));
		office.assignHead(manager);
		assertThatExceptionOfType(OrgChartGap.class).isThrownBy(() -> this.orgChart.approversFor("NEW2"))
			.satisfies(gap -> assertThat(gap.missing()).isEqualTo(Role.OFFICER));
	}

	@Test
	void everyMissingRoleHasAMessageInBothLanguages() {
		for (Role role : Role.values()) {
			OrgChartGap gap = new OrgChartGap("X", "X", role);
			assertThat(this.messages.getMessage(gap.messageKey(), new Object[] { "X", "X" }, Locale.ENGLISH)).contains("X");
			assertThat(this.messages.getMessage(gap.messageKey(), new Object[] { "X", "X" }, Locale.JAPANESE)).contains("X");
		}
	}

}
