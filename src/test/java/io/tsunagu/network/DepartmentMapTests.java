package io.tsunagu.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The department map of a small company made by hand, each test in a year of its own so that only its
 * own events fall in the period it looks at; the numbers expected are counted by hand in the comments.
 */
class DepartmentMapTests extends NetworkTestBase {

	private static final String FEWER = "5人未満";

	@Autowired
	UserDetailsService users;

	@Autowired
	DepartmentMapTables tables;

	/**
	 * Sales (6 people, joined 2000), Development (6, joined 2000), a tiny department of 2 (joined 1990) and
	 * an executive in an office of their own. In Q1 a mixer prepared by s1 and d1, where s1–s5, d1–d5 and
	 * t1 came; in Q2 a study session of 4 prepared by d6, where d6, t1, t2 and s6 came.
	 */
	final class Company {

		final int year;

		final long sales;

		final long dev;

		final long tiny;

		final long office;

		final long[] s = new long[6];

		final long[] d = new long[6];

		final long t1;

		final long t2;

		final long executive;

		long mixer;

		long study;

		Company(int year) {
			this.year = year;
			SmallCompany c = DepartmentMapTests.this.company;
			// Names with the year, as other tests' departments may have the same names.
			this.sales = c.department("SALES", "営業部" + year, "Sales " + year);
			this.dev = c.department("DEV", "企画・開発部" + year, "Development " + year);
			// A name a spreadsheet would run as a formula, to see the CSV defuse it.
			this.tiny = c.department("TINY", "=少人数室" + year, "=Tiny office " + year);
			this.office = c.department("OFFICE", "社長室" + year, "Executive office " + year);
			for (int i = 0; i < 6; i++) {
				this.s[i] = c.person("Sales Person" + i, this.sales, 2000);
				this.d[i] = c.person("Dev Person" + i, this.dev, 2000);
			}
			this.t1 = c.person("Tiny One", this.tiny, 1990);
			this.t2 = c.person("Tiny Two", this.tiny, 1990);
			this.executive = c.person("Kei Executive", this.office, 1985);
			DepartmentMapTests.this.jdbc.sql("UPDATE employees SET rank = 'EXECUTIVE' WHERE id = ?").param(this.executive).update();
		}

		Company held() {
			this.mixer = DepartmentMapTests.this.company.held("営業×開発 交流会", "CROSS_DEPARTMENT_MIXER",
					LocalDate.of(this.year, 2, 10), List.of(this.s[0], this.d[0]), List.of(this.s[0], this.s[1], this.s[2],
							this.s[3], this.s[4], this.d[0], this.d[1], this.d[2], this.d[3], this.d[4], this.t1));
			this.study = DepartmentMapTests.this.company.held("勉強会", "STUDY_SESSION", LocalDate.of(this.year, 5, 20),
					List.of(this.d[5]), List.of(this.d[5], this.t1, this.t2, this.s[5]));
			return this;
		}

		String code(String code) {
			return DepartmentMapTests.this.company.code(code);
		}

		String period() {
			return "from=" + this.year + "Q1&to=" + this.year + "Q4";
		}

	}

	@Test
	void showsTheMapOfASmallCompanyAsCountedByHand() throws Exception {
		Company c = new Company(2001).held();

		Document page = page("/network/map?" + c.period() + "&lang=ja", login(c.executive));

		// Sales: s1–s5 met Sales, Development and t1 at the mixer; s6 met Development and Tiny at the study session.
		assertThat(row(page, c.code("SALES"))).containsEntry(c.code("SALES"), "5")
			.containsEntry(c.code("DEV"), "6")
			.containsEntry(c.code("TINY"), "6")
			.containsEntry(c.code("OFFICE"), "0");
		assertThat(row(page, c.code("DEV"))).containsEntry(c.code("DEV"), "5")
			.containsEntry(c.code("SALES"), "6")
			.containsEntry(c.code("TINY"), "6");
		// Two people at most: never exact.
		assertThat(row(page, c.code("TINY"))).containsEntry(c.code("TINY"), FEWER)
			.containsEntry(c.code("SALES"), FEWER)
			.containsEntry(c.code("DEV"), FEWER)
			.containsEntry(c.code("OFFICE"), "0");
		assertThat(page.select("#row-" + c.code("TINY") + " td.heat-hidden")).hasSize(3);
		assertThat(page.select("#heatmap caption").text()).isNotBlank();
		assertThat(page.select("#heatmap thead th[scope=col]")).isNotEmpty();
		assertThat(page.select("#heatmap tbody th[scope=row]")).isNotEmpty();

		// With a tie outside their department: 6 of Sales, 6 of Development, 2 of Tiny. Tiny's 2 are left out,
		// or 14 - 6 - 6 would give Tiny's hidden row away: 12.
		long employees = this.jdbc.sql("SELECT count(*) FROM employees WHERE active").query(Long.class).single();
		assertThat(page.select("#share-figure").text()).contains(Math.round(100.0 * 12 / employees) + "%")
			.contains("社員" + employees + "人のうち12人");
		// Q1: s1–s5 and d1–d5 (t1 left out): 10. Q2: s6, d6, t1 and t2, each department below five: hidden.
		assertThat(page.select("#trend-" + c.year + "Q1").text()).contains(Math.round(100.0 * 10 / employees) + "%");
		assertThat(page.select("#trend-" + c.year + "Q2").text()).contains(FEWER);
		assertThat(page.select("#trend-" + c.year + "Q3").text()).contains("0%");
		assertThat(page.select("svg.trend circle")).hasSize(3);
		assertThat(page.select("svg.trend circle title").first().text()).isEqualTo(c.year + "Q1: " + Math.round(100.0 * 10 / employees) + "%");

		// Pairs among the departments at an event of the period, fewest first (a hidden number counts as one):
		// Development–Tiny 6 + fewer than 5, Sales–Tiny the same, Development–Sales 6 + 6.
		assertThat(page.select("#fewest tbody tr")).extracting(Element::text)
			.containsExactly("企画・開発部2001 =少人数室2001 6 " + FEWER, "営業部2001 =少人数室2001 6 " + FEWER,
					"企画・開発部2001 営業部2001 6 6");

		// The mixer: 11 people, 5 × 5 + 5 × 1 + 5 × 1 = 35 pairs across departments; the study session had 4 people.
		assertThat(page.select("#top-events li")).extracting(Element::text)
			.containsExactly("営業×開発 交流会 " + c.year + "年2月10日(土) 部署をまたぐ新しいつながり 35組");
		// Mixer: 45 pairs of the 2000 cohort, t1 (1990) with each of the 10 across; study: d6–s6 and t1–t2 within,
		// t1 and t2 with d6 and s6 across.
		assertThat(page.select("#across-generations").text()).isEqualTo("14");
		assertThat(page.select("#within-cohort").text()).isEqualTo("47");
		// No additive totals anywhere.
		assertThat(page.select("#heatmap tfoot")).isEmpty();
		assertThat(page.select("#heatmap tr").first().select("th")).hasSize(page.select("#heatmap tbody tr").first().select("td").size() + 1);
	}

	@Test
	void theCsvHasTheSameNumbersHidesTheSameAndDefusesFormulas() throws Exception {
		Company c = new Company(2002).held();

		MvcResult result = this.mvc.perform(get("/network/map.csv?" + c.period() + "&lang=ja").with(user(login(c.executive))))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		byte[] bytes = result.getResponse().getContentAsByteArray();
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		String csv = new String(bytes, StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		List<String> header = List.of(lines.get(2).split(",", -1));
		int salesColumn = header.indexOf("営業部2002");
		int tinyColumn = header.indexOf("'=少人数室2002");
		assertThat(tinyColumn).as("the formula-like name defused").isPositive();
		assertThat(csv).doesNotContain(",=少人数室");
		String[] sales = lines.stream().filter(l -> l.startsWith("営業部2002,")).findFirst().orElseThrow().split(",", -1);
		String[] tiny = lines.stream().filter(l -> l.startsWith("'=少人数室2002,")).findFirst().orElseThrow().split(",", -1);
		assertThat(sales[salesColumn]).isEqualTo("5");
		assertThat(sales[tinyColumn]).isEqualTo("6");
		assertThat(tiny[salesColumn]).isEqualTo(FEWER);
		assertThat(tiny[tinyColumn]).isEqualTo(FEWER);
		assertThat(csv).doesNotContain(",2,").doesNotContain(",1,");
		long employees = this.jdbc.sql("SELECT count(*) FROM employees WHERE active").query(Long.class).single();
		assertThat(csv).contains("期間全体,12," + employees + "," + Math.round(100.0 * 12 / employees) + "%")
			.contains(c.year + "Q2," + FEWER + "," + employees + ",")
			.contains("営業×開発 交流会," + c.year + "-02-10,11,35");
	}

	@Test
	void aManagerSeesTheRowOfTheirDepartmentOnly() throws Exception {
		Company c = new Company(2003).held();
		this.jdbc.sql("UPDATE departments SET head_id = ? WHERE id = ?").params(c.d[0], c.dev).update();
		UserDetails manager = login(c.d[0]);

		Document page = page("/network/map?" + c.period() + "&lang=ja", manager);

		assertThat(page.select("#heatmap tbody tr")).extracting(Element::id).containsExactly("row-" + c.code("DEV"));
		assertThat(row(page, c.code("DEV"))).containsEntry(c.code("SALES"), "6").containsEntry(c.code("TINY"), "6");
		assertThat(page.select("#top-events, #generations")).isEmpty();
		// Development's 6 with a tie outside, of its 6 people.
		assertThat(page.select("#share-figure").text()).contains("100%").contains("社員6人のうち6人");
		assertThat(page.select("#nav-department-map")).hasSize(1);
		// Another department's row, by its code in the address: refused.
		assertThat(status("/network/map?department=" + c.code("SALES"), manager)).isEqualTo(403);
		assertThat(status("/network/map.csv?department=" + c.code("SALES"), manager)).isEqualTo(403);
		assertThat(status("/network/map.csv?department=" + c.code("DEV"), manager)).isEqualTo(200);
	}

	@Test
	void staffAreRefusedAndDoNotSeeTheLink() throws Exception {
		Company c = new Company(2004);
		UserDetails staff = login(c.s[1]);

		assertThat(status("/network/map", staff)).isEqualTo(403);
		assertThat(status("/network/map.csv", staff)).isEqualTo(403);
		assertThat(page("/", staff).select("#nav-department-map")).isEmpty();
		assertThat(page("/", login(c.executive)).select("#nav-department-map")).hasSize(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = ? AND action LIKE 'network.map.%'")
			.param(email(c.s[1]))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void everyViewIsAuditedWithWhoAndWhichPeriod() throws Exception {
		Company c = new Company(2005).held();
		UserDetails executive = login(c.executive);

		page("/network/map?" + c.period(), executive);
		page("/network/map?from=" + c.year + "Q2&to=" + c.year + "Q3&department=" + c.code("TINY"), executive);
		status("/network/map.csv?" + c.period(), executive);

		assertThat(this.jdbc.sql("SELECT action, subject, details FROM audit_log WHERE actor = ? ORDER BY id")
			.param(email(c.executive))
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("network.map.view " + c.year + "Q1–" + c.year + "Q4 all departments",
					"network.map.view " + c.year + "Q2–" + c.year + "Q3 department " + c.code("TINY"),
					"network.map.csv " + c.year + "Q1–" + c.year + "Q4 all departments");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			from=2026X1&to=2026Q4      | 期間を読み取れませんでした | The period could not be read
			from=2026Q3&to=2026Q1      | 期間の終わりが始まりより前です | The period ends before it starts
			from=2026Q1&to=2099Q4      | 今の四半期より先 | past the current quarter
			from=2020Q1&to=2026Q4      | 12四半期を超えています | longer than 12 quarters
			department=NO-SUCH-DEPT    | その部署はありません | There is no such department
			""")
	void aPeriodOrDepartmentThatCannotBeShownIsSaidAndTheDefaultMapShown(String query, String japanese, String english)
			throws Exception {
		Company c = new Company(2006);
		UserDetails executive = login(c.executive);
		Quarter now = Quarter.of(LocalDate.now(SmallCompany.TOKYO));

		Document ja = page("/network/map?" + query + "&lang=ja", executive);
		Document en = page("/network/map?" + query + "&lang=en", executive);

		assertThat(ja.select("#map-problem").text()).contains(japanese);
		assertThat(en.select("#map-problem").text()).contains(english);
		assertThat(ja.select("#from option[selected]").val()).isEqualTo(now.plus(-3).toString());
		assertThat(ja.select("#to option[selected]").val()).isEqualTo(now.toString());
		assertThat(ja.select("#heatmap tbody tr")).hasSizeGreaterThan(1);
		// Only the default map that was shown is recorded.
		assertThat(this.jdbc.sql("SELECT DISTINCT subject FROM audit_log WHERE actor = ?")
			.param(email(c.executive))
			.query(String.class)
			.list()).containsExactly(now.plus(-3) + "–" + now);
		MvcResult file = this.mvc.perform(get("/network/map.csv?" + query + "&lang=en").with(user(executive))).andReturn();
		assertThat(file.getResponse().getStatus()).isEqualTo(400);
		assertThat(file.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(english);
	}

	@Test
	void aCorrectedCheckInCorrectsTheMap() throws Exception {
		Company c = new Company(2007);
		long mixer = this.company.held("交流会", "CROSS_DEPARTMENT_MIXER", LocalDate.of(c.year, 7, 3), List.of(c.s[0]),
				List.of(c.s[0], c.s[1], c.s[2], c.s[3], c.s[4], c.s[5], c.d[0], c.d[1], c.d[2], c.d[3], c.d[4]));
		UserDetails executive = login(c.executive);
		assertThat(row(page("/network/map?" + c.period(), executive), c.code("SALES"))).containsEntry(c.code("DEV"), "6");

		// s6 did not come after all; the organiser corrects the list and the event is recorded again. Until the
		// map's pass counts the year again, the page says so.
		this.company.undoCheckIn(mixer, c.s[5]);
		this.recorder.record(mixer);
		Document updating = page("/network/map?" + c.period() + "&lang=ja", executive);
		assertThat(updating.select("#map-updating").text()).contains("数分以内に最新の数字に更新されます");
		assertThat(row(updating, c.code("SALES"))).containsEntry(c.code("DEV"), "6");
		this.tables.refresh();
		Document corrected = page("/network/map?" + c.period(), executive);
		assertThat(corrected.select("#map-updating")).isEmpty();
		assertThat(row(corrected, c.code("SALES"))).containsEntry(c.code("DEV"), "5").containsEntry(c.code("SALES"), "5");

		this.company.undoCheckIn(mixer, c.s[4]);
		this.recorder.record(mixer);
		this.tables.refresh();
		Map<String, String> sales = row(page("/network/map?" + c.period() + "&lang=ja", executive), c.code("SALES"));
		assertThat(sales).containsEntry(c.code("DEV"), FEWER).containsEntry(c.code("SALES"), FEWER);

		// Computed again from the meetings alone, the same.
		this.tables.rebuild();
		assertThat(row(page("/network/map?" + c.period() + "&lang=ja", executive), c.code("SALES"))).isEqualTo(sales);
		// Development's five still met s1–s4.
		assertThat(row(page("/network/map?" + c.period() + "&lang=ja", executive), c.code("DEV"))).containsEntry(c.code("SALES"), "5")
			.containsEntry(c.code("DEV"), "5");
	}

	/** The cells of a department's row, by the code of the column's department. */
	private static Map<String, String> row(Document page, String code) {
		List<String> columns = page.select("#heatmap thead th[data-code]").eachAttr("data-code");
		List<String> cells = page.select("#row-" + code + " td").eachText();
		assertThat(cells).as("the row of " + code).hasSameSizeAs(columns).isNotEmpty();
		Map<String, String> found = new java.util.LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			found.put(columns.get(i), cells.get(i));
		}
		return found;
	}

	private Document page(String uri, UserDetails viewer) throws Exception {
		MvcResult result = this.mvc.perform(get(uri).with(user(viewer))).andReturn();
		assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(200);
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private int status(String uri, UserDetails viewer) throws Exception {
		return this.mvc.perform(get(uri).with(user(viewer))).andReturn().getResponse().getStatus();
	}

	private String email(long employeeId) {
		return this.jdbc.sql("SELECT email FROM employees WHERE id = ?").param(employeeId).query(String.class).single();
	}

	/** Signs a hand-made employee in, giving them an account first. */
	private UserDetails login(long employeeId) {
		String email = email(employeeId);
		this.jdbc.sql("""
				INSERT INTO accounts (email, password_hash) SELECT ?, 'not-a-hash'
				WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE lower(email) = lower(?))""")
			.params(email, email)
			.update();
		return this.users.loadUserByUsername(email);
	}

}
