package io.tsunagu.directory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermTests {

	@Test
	void foldsCaseAndHiraganaAsTheIndexedTextIsFolded() {
		assertThat(SearchTerm.of("さとう").text()).isEqualTo("サトウ");
		assertThat(SearchTerm.of("Manager@").text()).isEqualTo("manager@");
	}

	@Test
	void countsCharactersBeyondTheBasicPlaneAsOneAsPostgreSqlDoes() {
		// 𠮷 is two UTF-16 units but one character: 𠮷田 is a two-character name.
		assertThat(SearchTerm.of("𠮷田").isShort()).isTrue();
		assertThat(SearchTerm.of("佐々木").isShort()).isFalse();
	}

	@Test
	void escapesTheWildcardsOfLike() {
		assertThat(SearchTerm.of("50%_off\\").pattern()).isEqualTo("%50\\%\\_off\\\\%");
	}

}
