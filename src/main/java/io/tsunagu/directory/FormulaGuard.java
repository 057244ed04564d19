package io.tsunagu.directory;

/**
 * Keeps a spreadsheet from running a cell of an exported file as a formula (CSV injection): a cell
 * that starts with {@code = + - @}, tab or CR gets a leading {@code '}.
 * <p>
 * The import undoes it, so that an exported file imports unchanged: it drops one leading {@code '}
 * only where the rest starts with such a character. A value that itself begins with {@code '}
 * before such a character (say {@code '=x}) is exported with one more {@code '}, so that the round
 * trip is exact for every value; a plain {@code 'abc} is left as it is both ways.
 */
final class FormulaGuard {

	private FormulaGuard() {
	}

	static String escape(String value) {
		return value != null && triggersAfterQuotes(value) ? "'" + value : value;
	}

	static String unescape(String value) {
		return value != null && value.startsWith("'") && triggersAfterQuotes(value) ? value.substring(1) : value;
	}

	private static boolean triggersAfterQuotes(String value) {
		int i = 0;
		while (i < value.length() && value.charAt(i) == '\'') {
			i++;
		}
		return i < value.length() && isTrigger(value.charAt(i));
	}

	private static boolean isTrigger(char c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

}
