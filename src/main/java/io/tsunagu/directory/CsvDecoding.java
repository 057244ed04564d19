package io.tsunagu.directory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns an uploaded file into text. Japanese Excel saves "CSV" in Windows-31J and "CSV UTF-8" with
 * a byte order mark, and other tools write UTF-8 without one, so all three are accepted. Decoding is
 * strict: a lenient decoder would quietly replace what it cannot read and import mojibake.
 */
final class CsvDecoding {

	static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

	private static final byte[] UTF_8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** The text of a file and the encoding it was read in. */
	record DecodedCsv(String text, Charset charset) {
	}

	private CsvDecoding() {
	}

	/**
	 * The file's text, or nothing when it holds NUL bytes or is neither UTF-8 nor Windows-31J.
	 */
	static Optional<DecodedCsv> decode(byte[] bytes) {
		// NUL is valid in both encodings but never in a CSV that a person wrote; spreadsheets
		// (.xlsx is a zip) and images are full of it.
		for (byte b : bytes) {
			if (b == 0) {
				return Optional.empty();
			}
		}
		if (startsWithBom(bytes)) {
			return strictly(bytes, UTF_8_BOM.length, StandardCharsets.UTF_8);
		}
		return strictly(bytes, 0, StandardCharsets.UTF_8).or(() -> strictly(bytes, 0, WINDOWS_31J));
	}

	private static boolean startsWithBom(byte[] bytes) {
		return bytes.length >= 3 && bytes[0] == UTF_8_BOM[0] && bytes[1] == UTF_8_BOM[1] && bytes[2] == UTF_8_BOM[2];
	}

	private static Optional<DecodedCsv> strictly(byte[] bytes, int offset, Charset charset) {
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
				.toString();
			return Optional.of(new DecodedCsv(text, charset));
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
