package io.tsunagu.directory;

/**
 * Hiragana and katakana differ by a fixed offset in Unicode (ぁ U+3041 … ゖ U+3096, ァ U+30A1 … ヶ U+30F6).
 */
final class Kana {

	private static final int OFFSET = 0x60;

	private Kana() {
	}

	static String toKatakana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> out.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + OFFSET : c));
		return out.toString();
	}

	static String toHiragana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> out.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - OFFSET : c));
		return out.toString();
	}

}
