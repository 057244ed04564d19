package io.tsunagu.directory;

import java.util.Comparator;
import java.util.List;

/**
 * One thing wrong with an upload, where it is and what to say about it.
 * @param file the file, or {@code null} for the upload as a whole
 * @param line the line in the file (the header is line 1), or {@code null} for the whole file
 * @param column the column's header, or {@code null}
 * @param arguments the message's arguments, already as text so that years and line numbers are
 * not formatted as 2,026
 */
record CsvProblem(CsvFile file, Long line, String column, CsvError error, List<String> arguments) {

	static final Comparator<CsvProblem> READING_ORDER = Comparator
		.comparing((CsvProblem problem) -> problem.file() == null ? -1 : problem.file().ordinal())
		.thenComparing(CsvProblem::line, Comparator.nullsFirst(Comparator.naturalOrder()));

	CsvProblem {
		arguments = List.copyOf(arguments);
	}

	static CsvProblem ofUpload(CsvError error, String... arguments) {
		return new CsvProblem(null, null, null, error, List.of(arguments));
	}

	static CsvProblem ofFile(CsvFile file, CsvError error, String... arguments) {
		return new CsvProblem(file, null, null, error, List.of(arguments));
	}

	static CsvProblem at(CsvFile file, long line, CsvColumn column, CsvError error, String... arguments) {
		return at(file, line, column == null ? null : column.header(), error, arguments);
	}

	static CsvProblem at(CsvFile file, long line, String column, CsvError error, String... arguments) {
		return new CsvProblem(file, line, column, error, List.of(arguments));
	}

	public String fileName() {
		return this.file == null ? null : this.file.fileName();
	}

	public String messageKey() {
		return this.error.messageKey();
	}

	public Object[] messageArguments() {
		return this.arguments.toArray();
	}

}
