package io.tsunagu.planning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;

import static io.tsunagu.planning.PlanFixtures.ORGANISER;
import static io.tsunagu.planning.PlanPagesTests.validForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input on the planning forms meets the one rule every form follows (the web module's input
 * advice): control characters are refused and type errors read in the person's language, beside the
 * field, and nothing is saved.
 */
@TsunaguTest
class PlanInputTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Plans plans;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	PlanFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new PlanFixtures(this.plans, this.directory, this.orgChart);
	}

	@Test
	void refusesANulByteInThePlanTitleInBothLanguagesAndSavesNothing() throws Exception {
		String title = "NULの会 " + System.nanoTime();
		this.mvc.perform(validForm(post("/plans"), title + "\u0000").with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("保存できない制御文字（NULなど）が含まれています。")));
		this.mvc.perform(validForm(post("/plans"), title, "purpose", "目的\u001b[31m").param("lang", "en")
				.with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("control characters (such as a NUL byte)")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_plans WHERE title LIKE ?")
			.param(title + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void keepsLineBreaksAndTabsInMultiLineText() throws Exception {
		String title = "改行の会 " + System.nanoTime();
		this.mvc.perform(validForm(post("/plans"), title, "purpose", "一行目\r\n二行目\tタブ").with(as(ORGANISER))
				.with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.jdbc.sql("SELECT purpose FROM event_plans WHERE title = ?").param(title).query(String.class).single())
			.isEqualTo("一行目\r\n二行目\tタブ");
	}

	@Test
	void showsTypeErrorsInJapaneseAndEnglishNotSpringsEnglish() throws Exception {
		String title = "型違いの会 " + System.nanoTime();
		String[] bad = { "startsAt", "2027-02-30T19:00", "capacity", "abc", "budgetYen", "99999999999999999999999",
				"kind", "NO_SUCH_KIND" };
		this.mvc.perform(validForm(post("/plans"), title, bad).with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("実在する日付と時刻を入力してください")))
			.andExpect(content().string(containsString("整数を半角数字で入力してください")))
			.andExpect(content().string(containsString("表示された選択肢から選ぶか")))
			.andExpect(content().string(not(containsString("Failed to convert"))));
		this.mvc.perform(validForm(post("/plans"), title, bad).param("lang", "en").with(as(ORGANISER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a date and time that exist")))
			.andExpect(content().string(containsString("Enter a whole number")))
			.andExpect(content().string(containsString("Choose one of the options offered")))
			.andExpect(content().string(not(containsString("Failed to convert"))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_plans WHERE title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	@Test
	void refusesControlCharactersAndImpossibleDatesInTheTaskForm() throws Exception {
		EventPlan plan = this.fixtures.aDraftBy(ORGANISER, "タスクの会 " + System.nanoTime());
		this.mvc.perform(post("/plans/" + plan.getId() + "/tasks").header("HX-Request", "true")
				.param("title", "会場\u0000の下見")
				.param("dueOn", "2027-02-30")
				.with(as(ORGANISER))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("保存できない制御文字")))
			.andExpect(content().string(containsString("実在する日付を入力してください")))
			.andExpect(content().string(not(containsString("Failed to convert"))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM preparation_tasks WHERE plan_id = ?")
			.param(plan.getId())
			.query(Long.class)
			.single()).isZero();
	}

	private RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

}
