package io.tsunagu.invitations;

/**
 * Keeps a spreadsheet from running a cell of an event's exports (who attends, who came) as a formula
 * (CSV injection): a cell
 * that starts with {@code = + - @}, tab or CR, possibly after quotes, gets a leading {@code '}. The
 * same rule as the directory's export, kept here because that one is the directory's own.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	public static String safe(String value) {
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
