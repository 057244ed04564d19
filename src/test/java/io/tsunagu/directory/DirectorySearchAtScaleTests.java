package io.tsunagu.directory;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import io.tsunagu.IsolatedDatabase;
import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The directory search when a term matches more people than a page can say: 1,200 employees called
 * 鈴木 一郎 next to the demo company, on a schema of their own.
 */
@TsunaguTest
@IsolatedDatabase("search")
class DirectorySearchAtScaleTests {

	static final int NAMESAKES = 1200;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmployeeFinder finder;

	@Autowired
	Directory directory;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void manyNamesakes() {
		if (this.jdbc.sql("SELECT count(*) FROM employees WHERE code LIKE 'S%'").query(Integer.class).single() == 0) {
			this.jdbc.sql("""
					INSERT INTO employees (code, name, name_kana, email, department_id, rank, join_year)
					SELECT 'S' || lpad(n::text, 5, '0'), '鈴木 一郎' || n, 'スズキ イチロウ' || n, 'suzuki.' || n || '@scale.example',
					       (SELECT id FROM departments WHERE code = 'PLAN'), 'STAFF', 2000 + n % 20
					FROM generate_series(1, :n) n""").param("n", NAMESAKES).update();
			this.jdbc.sql("""
					INSERT INTO employees (code, name, email, department_id, rank, join_year)
					VALUES ('K00001', 'マリア 佐藤', 'maria@scale.example', (SELECT id FROM departments WHERE code = 'PLAN'), 'STAFF', 2020)""")
				.update();
		}
	}

	@Test
	void countsUpToAThousandAndSaysThereAreMore() throws Exception {
		MvcResult result = search("鈴木", "ja");
		Page<?> page = (Page<?>) result.getModelAndView().getModel().get("page");
		assertThat(result.getModelAndView().getModel().get("capped")).isEqualTo(true);
		assertThat(page.getTotalElements()).isEqualTo(EmployeeFinder.COUNT_CAP);
		assertThat(page.getContent()).hasSize(EmployeeSearch.PAGE_SIZE);
		assertThat(result.getResponse().getContentAsString()).contains("1,000人を超えています").contains("1 / 40 ページ");
		assertThat(search("鈴木", "en").getResponse().getContentAsString())
			.contains("More than 1,000 people match; 1,000 of them are listed.");
	}

	@Test
	void countsExactlyBelowTheCap() throws Exception {
		// 一郎1, 一郎10–19, 一郎100–199 and 一郎1000–1200: 312 people.
		MvcResult result = search("すずき 一郎1", "ja");
		assertThat(result.getModelAndView().getModel().get("capped")).isEqualTo(false);
		assertThat(((Page<?>) result.getModelAndView().getModel().get("page")).getTotalElements()).isEqualTo(312);
		assertThat(result.getResponse().getContentAsString()).contains("312人");
	}

	@Test
	void listsAThousandOfTheMatchesInReadingOrderAndNoFurther() {
		List<ListedEmployee> listed = new ArrayList<>();
		for (int page = 0; page < 40; page++) {
			listed.addAll(this.finder.page(new EmployeeSearch("鈴木", null, null, null, null, null, page)).page().getContent());
		}
		assertThat(listed).hasSize(EmployeeFinder.COUNT_CAP)
			.allSatisfy(e -> assertThat(e.name()).contains("鈴木"))
			.extracting(ListedEmployee::code)
			.doesNotHaveDuplicates();
		assertThat(listed).extracting(ListedEmployee::nameKana).isSorted();
		Page<ListedEmployee> beyond = this.finder.page(new EmployeeSearch("鈴木", null, null, null, null, null, 45)).page();
		assertThat(beyond.getNumber()).isEqualTo(39);
		assertThat(beyond.isLast()).isTrue();
		assertThat(this.finder.first("イチロウ", 20)).hasSize(20)
			.allSatisfy(e -> assertThat(e.name()).contains("一郎"))
			.extracting(ListedEmployee::nameKana)
			.isSorted();
	}

	@Test
	void findsANameWrittenInKatakanaWhenTypedInHiragana() {
		assertThat(this.directory.search("まりあ", 20)).extracting(EmployeeRef::email).containsExactly("maria@scale.example");
	}

	private MvcResult search(String q, String lang) throws Exception {
		return this.mvc
			.perform(get("/employees").param("q", q)
				.param("lang", lang)
				.with(user(this.users.loadUserByUsername("organiser@tsunagu.example"))))
			.andExpect(status().isOk())
			.andReturn();
	}

}
