package io.tsunagu.directory;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
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
		assertThat(result.getResponse().getContentAsString()).contains("1,000人以上").contains("1 / 40 ページ");
		assertThat(search("鈴木", "en").getResponse().getContentAsString())
			.contains("More than 1,000 people. The first 1,000 are listed");
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
	void listsTheFirstThousandInReadingOrderAndNoFurther() throws Exception {
		List<String> readingOrder = readingOrder("name LIKE '%鈴木%'");
		assertThat(readingOrder).hasSizeGreaterThan(NAMESAKES);
		assertThat(codes(this.finder.page(new EmployeeSearch("鈴木", null, null, null, null, null, 0)).page()))
			.isEqualTo(readingOrder.subList(0, 25));
		assertThat(codes(this.finder.page(new EmployeeSearch("鈴木", null, null, null, null, null, 39)).page()))
			.isEqualTo(readingOrder.subList(975, 1000));
		Page<ListedEmployee> beyond = this.finder.page(new EmployeeSearch("鈴木", null, null, null, null, null, 45)).page();
		assertThat(beyond.getNumber()).isEqualTo(39);
		assertThat(beyond.isLast()).isTrue();
		assertThat(this.directory.search("イチロウ", 20)).extracting(EmployeeRef::code)
			.isEqualTo(readingOrder("name_kana LIKE '%イチロウ%' OR name_kana LIKE '%いちろう%' OR name LIKE '%イチロウ%'").subList(0, 20));
	}

	@Test
	void findsANameWrittenInKatakanaWhenTypedInHiragana() {
		assertThat(this.directory.search("まりあ", 20)).extracting(EmployeeRef::email).containsExactly("maria@scale.example");
	}

	@Test
	void searchesWithoutReadingTheWholeTable() {
		long before = sequentialScans();
		this.transactions.executeWithoutResult(status -> {
			for (String term : List.of("鈴木", "鈴", "いちろう", "scale.example", "suzuki.1111@", "鷲", "xyzzy", "まりあ")) {
				this.finder.page(EmployeeSearch.forText(term));
				this.finder.first(term, 20);
			}
			// One scan on purpose, so that the wait below knows this transaction's statistics have arrived.
			this.jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
			this.jdbc.sql("SELECT count(*) FROM employees WHERE title = 'none'").query(Long.class).single();
			this.jdbc.sql("SELECT pg_stat_force_next_flush()").query().singleRow();
		});
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sequentialScans() > before);
		assertThat(sequentialScans()).isEqualTo(before + 1);
	}

	/** Codes of the active employees the condition finds, in reading order: the search's order, written out. */
	private List<String> readingOrder(String condition) {
		return this.jdbc.sql("SELECT code FROM employees WHERE active AND (" + condition + ") ORDER BY name_kana, code")
			.query(String.class)
			.list();
	}

	private long sequentialScans() {
		return this.jdbc.sql("SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'employees'::regclass")
			.query(Long.class)
			.single();
	}

	private MvcResult search(String q, String lang) throws Exception {
		return this.mvc.perform(get("/employees").param("q", q).param("lang", lang).with(user(this.users.loadUserByUsername("organiser@tsunagu.example"))))
			.andExpect(status().isOk())
			.andReturn();
	}

	private static List<String> codes(Page<ListedEmployee> page) {
		return page.getContent().stream().map(ListedEmployee::code).toList();
	}

}
