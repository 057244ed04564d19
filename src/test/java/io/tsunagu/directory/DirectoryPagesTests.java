package io.tsunagu.directory;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TsunaguTest
class DirectoryPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void findsKatakanaReadingsWhenTypedInHiragana() throws Exception {
		List<ListedEmployee> found = search(get("/employees").param("q", "さとう　みさき"));
		assertThat(found).extracting(ListedEmployee::email).containsExactly("organiser@tsunagu.example");
	}

	@Test
	void findsPeopleByKanjiNameAndByEmail() throws Exception {
		assertThat(search(get("/employees").param("q", "山本 健一"))).extracting(ListedEmployee::email)
			.containsExactly("president@tsunagu.example");
		assertThat(search(get("/employees").param("q", "MANAGER@tsunagu"))).extracting(ListedEmployee::name)
			.containsExactly("伊藤 大輔");
	}

	@Test
	void filtersByDepartmentRankAndJoinYearRange() throws Exception {
		List<ListedEmployee> found = search(get("/employees").param("department", "PLAN")
			.param("rank", "STAFF")
			.param("joinedFrom", "2015")
			.param("joinedTo", "2020")
			.param("sort", "join_year"));
		assertThat(found).isNotEmpty()
			.allSatisfy(e -> {
				assertThat(e.department().code()).isEqualTo("PLAN");
				assertThat(e.rank()).isEqualTo(Rank.STAFF);
				assertThat(e.joinYear()).isBetween(2015, 2020);
			});
		assertThat(found).extracting(ListedEmployee::joinYear).isSorted();
	}

	@Test
	void pagesThroughTheWholeCompany() throws Exception {
		Page<?> first = page(get("/employees"));
		assertThat(first.getTotalElements()).isGreaterThanOrEqualTo(150);
		assertThat(first.getContent()).hasSize(EmployeeSearch.PAGE_SIZE);
		Page<?> last = page(get("/employees").param("page", String.valueOf(first.getTotalPages() - 1)));
		assertThat(last.isLast()).isTrue();
		this.mvc.perform(get("/employees").param("sort", "name").with(organiser()))
			.andExpect(content().string(containsString("1 / " + first.getTotalPages() + " ページ")))
			.andExpect(content().string(containsString("sort=name")))
			.andExpect(content().string(containsString("page=1\"")));
	}

	@Test
	void sortsByLatestJoinYear() throws Exception {
		List<ListedEmployee> found = search(get("/employees").param("sort", "join_year_desc"));
		assertThat(found).extracting(ListedEmployee::joinYear).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void showsDepartmentsWithManagerOfficerAndHeadcountInBothLanguages() throws Exception {
		this.mvc.perform(get("/departments").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("営業部")))
			.andExpect(content().string(containsString("伊藤 大輔")))
			.andExpect(content().string(containsString("高橋 誠")));
		this.mvc.perform(get("/departments").param("lang", "en").with(organiser()))
			.andExpect(content().string(containsString("Sales")))
			.andExpect(content().string(containsString("Officer in charge")));
	}

	@Test
	void showsAnEmployeeWithTheirManager() throws Exception {
		this.mvc.perform(get("/employees/E00001").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代表取締役社長")));
		String code = search(get("/employees").param("q", "organiser@")).get(0).code();
		this.mvc.perform(get("/employees/" + code).with(organiser()))
			.andExpect(content().string(containsString("主任")))
			.andExpect(content().string(containsString("上長")));
	}

	@Test
	void suggestsColleaguesForPersonFieldsByReadingNameOrAddress() throws Exception {
		this.mvc.perform(get("/people/suggest").param("q", "いとう　だいすけ").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"manager@tsunagu.example\">伊藤 大輔 · 営業部 · 部長</option>")));
		this.mvc.perform(get("/people/suggest").param("q", "president@").param("lang", "en").with(organiser()))
			.andExpect(content().string(containsString("山本 健一 · Executive Office")));
		this.mvc.perform(get("/people/suggest").param("q", " ").with(organiser()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<option"))));
	}

	@SuppressWarnings("unchecked")
	private List<ListedEmployee> search(MockHttpServletRequestBuilder request) throws Exception {
		return (List<ListedEmployee>) page(request).getContent();
	}

	private Page<?> page(MockHttpServletRequestBuilder request) throws Exception {
		return (Page<?>) this.mvc.perform(request.with(organiser()))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("page");
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor organiser() {
		return user(this.users.loadUserByUsername("organiser@tsunagu.example"));
	}

}
