package io.tsunagu.directory;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDecodingTests {

	private static final String JAPANESE = "①㈱髙～ 経理部";

	@Test
	void readsUtf8WithoutBom() {
		assertThat(CsvDecoding.decode(JAPANESE.getBytes(StandardCharsets.UTF_8)))
			.hasValueSatisfying(decoded -> {
				assertThat(decoded.text()).isEqualTo(JAPANESE);
				assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
			});
	}

	@Test
	void dropsTheByteOrderMarkOfUtf8() {
		byte[] bytes = ("\uFEFF" + JAPANESE).getBytes(StandardCharsets.UTF_8);

		assertThat(CsvDecoding.decode(bytes)).hasValueSatisfying(decoded -> {
			assertThat(decoded.text()).isEqualTo(JAPANESE);
			assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
		});
	}

	@Test
	void readsWindows31jWithItsOwnCharacters() throws Exception {
		// ～ is FULLWIDTH TILDE (U+FF5E) in Windows-31J, where plain Shift_JIS would give a wave dash.
		byte[] bytes = JAPANESE.getBytes("Windows-31J");

		assertThat(CsvDecoding.decode(bytes)).hasValueSatisfying(decoded -> {
			assertThat(decoded.text()).isEqualTo(JAPANESE).contains("\uFF5E");
			assertThat(decoded.charset()).isEqualTo(CsvDecoding.WINDOWS_31J);
		});
	}

	@Test
	void rejectsBytesWithNul() {
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 6, 0 };

		assertThat(CsvDecoding.decode(zip)).isEmpty();
	}

	@Test
	void rejectsBytesThatAreNeitherUtf8NorWindows31j() {
		byte[] bytes = { 'c', 'o', 'd', 'e', (byte) 0xFF, (byte) 0xFE, '\n' };

		assertThat(CsvDecoding.decode(bytes)).isEmpty();
	}

	@Test
	void rejectsBrokenUtf8AfterTheByteOrderMark() {
		byte[] bytes = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3 };

		assertThat(CsvDecoding.decode(bytes)).isEmpty();
	}

	@Test
	void readsAnEmptyFileAsEmptyText() {
		assertThat(CsvDecoding.decode(new byte[0])).hasValueSatisfying(decoded -> assertThat(decoded.text()).isEmpty());
	}

}
