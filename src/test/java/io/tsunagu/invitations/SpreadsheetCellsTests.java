package io.tsunagu.invitations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTests {

	@Test
	void quotesCellsASpreadsheetWouldRunAsFormulas() {
		assertThat(SpreadsheetCells.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(SpreadsheetCells.safe("+81 3")).isEqualTo("'+81 3");
		assertThat(SpreadsheetCells.safe("-1")).isEqualTo("'-1");
		assertThat(SpreadsheetCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCells.safe("\tx")).isEqualTo("'\tx");
		assertThat(SpreadsheetCells.safe("'=x")).isEqualTo("''=x");
	}

	@Test
	void leavesOrdinaryTextAlone() {
		assertThat(SpreadsheetCells.safe("楽しみにしています")).isEqualTo("楽しみにしています");
		assertThat(SpreadsheetCells.safe("a=b")).isEqualTo("a=b");
		assertThat(SpreadsheetCells.safe("'abc")).isEqualTo("'abc");
		assertThat(SpreadsheetCells.safe(null)).isEmpty();
	}

}
