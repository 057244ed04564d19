package io.tsunagu.invitations;

/**
 * Keeps a spreadsheet from running a cell of the attendee export as a formula (CSV injection): a cell
 * that starts with {@code = + - @}, tab or CR, possibly after quotes, gets a leading {@code '}. The
 * same rule as the directory's export, kept here because that one is the directory's own.
 */
final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	static String safe(String value) {
		if (value == null) {
			return "";
		}
		int i = 0;
		while (i < value.length() && value.charAt(i) == '\'') {
			i++;
		}
		return i < value.length() && "=+-@\t\r".indexOf(value.charAt(i)) >= 0 ? "'" + value : value;
	}

}
