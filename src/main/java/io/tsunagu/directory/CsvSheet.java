package io.tsunagu.directory;

import java.util.List;

/**
 * An uploaded file as far as it could be read. An unreadable one (binary, wrong header, …) has no
 * rows, and the validation then cannot tell what it would have brought.
 */
record CsvSheet(CsvFile file, boolean readable, List<CsvRow> rows) {

	static CsvSheet unreadable(CsvFile file) {
		return new CsvSheet(file, false, List.of());
	}

}
