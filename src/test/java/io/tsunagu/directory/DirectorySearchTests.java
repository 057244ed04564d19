package io.tsunagu.directory;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.TsunaguTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search behind the directory and the invitee picker: "contains" over name, reading and email,
 * served by an index at any company size, including the two-character family names most people type.
 */
@TsunaguTest
class DirectorySearchTests {

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Transactional
	void shortAndLongTermsAreLookedUpInTheSearchIndexesNotByReadingEveryEmployee() {
		// With 157 people PostgreSQL would rightly read the table; forbid that to see that the index serves.
		this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
		assertThat(plan("""
				SELECT id FROM employees WHERE active AND search_text_has_characters(search_text, :term) AND search_text LIKE :pattern""",
				SearchTerm.of("佐藤"))).contains("employees_search_characters_idx");
		assertThat(plan("SELECT id FROM employees WHERE active AND search_text LIKE :pattern", SearchTerm.of("organiser@")))
			.contains("employees_search_trgm_idx");
	}

	private String plan(String query, SearchTerm term) {
		var statement = this.jdbc.sql("EXPLAIN " + query).param("pattern", term.pattern());
		if (query.contains(":term")) {
			statement = statement.param("term", term.text());
		}
		return String.join("\n", statement.query(String.class).list());
	}

	@Test
	void findsByAnyPartOfTheNameReadingOrAddressTypedEitherWay() {
		assertThat(names("藤 美")).contains("佐藤 美咲");
		assertThat(names("さとう みさき")).containsExactly("佐藤 美咲");
		assertThat(names("サトウ ミサキ")).containsExactly("佐藤 美咲");
		assertThat(names("ORGANISER@")).containsExactly("佐藤 美咲");
		assertThat(names("ganiser")).containsExactly("佐藤 美咲");
		assertThat(names("大輔")).contains("伊藤 大輔");
	}

	@Test
	void treatsWildcardsAsTheCharactersTyped() {
		assertThat(names("%")).isEmpty();
		assertThat(names("_")).isEmpty();
		assertThat(names("佐藤 zz")).isEmpty();
	}

	@Test
	void keepsTheSearchTextInStepWithTheRowItDescribes() {
		this.jdbc.sql("UPDATE employees SET name_kana = name_kana || ' ツナグ' WHERE lower(email) = 'organiser@tsunagu.example'").update();
		try {
			assertThat(names("つなぐ")).containsExactly("佐藤 美咲");
		}
		finally {
			this.jdbc.sql("UPDATE employees SET name_kana = replace(name_kana, ' ツナグ', '') WHERE lower(email) = 'organiser@tsunagu.example'")
				.update();
		}
	}

	private List<String> names(String text) {
		return this.directory.search(text, 50).stream().map(EmployeeRef::name).toList();
	}

}
