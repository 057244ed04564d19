package io.tsunagu.directory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx" })
	void prefixesCellsThatASpreadsheetWouldRun(String value) {
		assertThat(FormulaGuard.escape(value)).isEqualTo("'" + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "営業部", "sato@tsunagu.example", "a=b", "'plain", "" })
	void leavesOtherCellsAlone(String value) {
		assertThat(FormulaGuard.escape(value)).isEqualTo(value);
		assertThat(FormulaGuard.unescape(value)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "-", "@home", "'=x", "''-y", "'plain", "x" })
	void undoesItsPrefixExactly(String value) {
		assertThat(FormulaGuard.unescape(FormulaGuard.escape(value))).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "'=x", "''-y" })
	void prefixesAgainAValueThatLooksEscapedAlready(String value) {
		assertThat(FormulaGuard.escape(value)).isEqualTo("'" + value);
	}

}
