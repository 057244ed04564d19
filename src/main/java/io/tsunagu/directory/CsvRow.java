package io.tsunagu.directory;

/**
 * A data line of an uploaded file: its line number and its values in the file's canonical column
 * order, already stripped, with empty cells as {@code null}.
 */
record CsvRow(long line, String[] values) {

	String get(CsvColumn column) {
		return this.values[column.ordinal()];
	}

}
