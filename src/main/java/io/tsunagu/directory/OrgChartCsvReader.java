package io.tsunagu.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.tsunagu.directory.CsvDecoding.DecodedCsv;

/**
 * Reads an uploaded org chart file into rows: size, encoding, CSV syntax, header and the width of
 * each line. What the values mean is {@link OrgChartValidation}'s business. Needs no Spring, so
 * that it can be tested on its own.
 */
final class OrgChartCsvReader {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

	private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

	private final long maxFileSize;

	OrgChartCsvReader(long maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	long maxFileSize() {
		return this.maxFileSize;
	}

	/**
	 * The rows of the upload; problems go to {@code problems}, and a file with a problem of its own
	 * (size, encoding, header, syntax) comes back unreadable.
	 */
	CsvSheet read(CsvUpload upload, List<CsvProblem> problems) {
		CsvFile file = upload.file();
		if (upload.size() > this.maxFileSize) {
			problems.add(CsvProblem.ofFile(file, CsvError.TOO_LARGE, megabytes(this.maxFileSize)));
			return CsvSheet.unreadable(file);
		}
		byte[] bytes;
		try {
			bytes = upload.content().read();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the upload " + upload.displayName(), ex);
		}
		if (bytes.length > this.maxFileSize) {
			problems.add(CsvProblem.ofFile(file, CsvError.TOO_LARGE, megabytes(this.maxFileSize)));
			return CsvSheet.unreadable(file);
		}
		Optional<DecodedCsv> decoded = CsvDecoding.decode(bytes);
		if (decoded.isEmpty()) {
			problems.add(CsvProblem.ofFile(file, CsvError.BINARY));
			return CsvSheet.unreadable(file);
		}
		String text = decoded.get().text();
		if (text.isBlank()) {
			problems.add(CsvProblem.ofFile(file, CsvError.EMPTY));
			return CsvSheet.unreadable(file);
		}
		return parse(file, text, problems);
	}

	private CsvSheet parse(CsvFile file, String text, List<CsvProblem> problems) {
		LineIndex lines = new LineIndex(text);
		List<CsvRow> rows = new ArrayList<>();
		int[] positions = null;
		long lastLine = 1;
		try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
			for (CSVRecord record : parser) {
				long line = lines.lineAt(record.getCharacterPosition());
				lastLine = line;
				if (positions == null) {
					positions = header(file, record, problems);
					if (positions == null) {
						return CsvSheet.unreadable(file);
					}
					continue;
				}
				if (isBlank(record)) {
					// Excel writes ",,,,," for rows that were only formatted; they carry nothing.
					continue;
				}
				if (record.size() != positions.length) {
					problems.add(CsvProblem.at(file, line, (String) null, CsvError.ROW_WIDTH,
							String.valueOf(record.size()), String.valueOf(positions.length)));
					continue;
				}
				String[] values = new String[positions.length];
				for (int column = 0; column < positions.length; column++) {
					values[column] = clean(record.get(positions[column]));
				}
				rows.add(new CsvRow(line, values));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// commons-csv gives up at the first syntax error (an unclosed quote); say where it started.
			problems.add(CsvProblem.at(file, startLine(ex, lastLine), (String) null, CsvError.MALFORMED));
			return CsvSheet.unreadable(file);
		}
		if (positions != null && rows.isEmpty() && problems.stream().noneMatch(p -> p.file() == file)) {
			problems.add(CsvProblem.ofFile(file, CsvError.EMPTY));
			return CsvSheet.unreadable(file);
		}
		return new CsvSheet(file, true, rows);
	}

	/**
	 * Where each canonical column sits in this file, or {@code null} when the header is wrong: the
	 * columns may come in any order, but each exactly once and no others.
	 */
	private static int[] header(CsvFile file, CSVRecord record, List<CsvProblem> problems) {
		Map<String, CsvColumn> known = new HashMap<>();
		file.columns().forEach(column -> known.put(column.header(), column));
		int[] positions = new int[file.columns().size()];
		Arrays.fill(positions, -1);
		Set<String> seen = new HashSet<>();
		boolean wrong = false;
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).strip();
			CsvColumn column = known.get(name.toLowerCase(Locale.ROOT));
			if (column == null) {
				problems.add(CsvProblem.at(file, 1, name, CsvError.UNKNOWN_COLUMN, name));
				wrong = true;
			}
			else if (!seen.add(column.header())) {
				problems.add(CsvProblem.at(file, 1, column, CsvError.DUPLICATE_COLUMN, column.header()));
				wrong = true;
			}
			else {
				positions[column.ordinal()] = i;
			}
		}
		for (CsvColumn column : file.columns()) {
			if (!seen.contains(column.header())) {
				problems.add(CsvProblem.at(file, 1, column, CsvError.MISSING_COLUMN, column.header()));
				wrong = true;
			}
		}
		return wrong ? null : positions;
	}

	private static boolean isBlank(CSVRecord record) {
		for (String value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String clean(String raw) {
		String value = FormulaGuard.unescape(raw).strip();
		return value.isEmpty() ? null : value;
	}

	private static long startLine(Exception ex, long fallback) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			Matcher matcher = cause.getMessage() == null ? null : START_LINE.matcher(cause.getMessage());
			if (matcher != null && matcher.find()) {
				return Long.parseLong(matcher.group(1));
			}
		}
		return fallback;
	}

	private static String megabytes(long bytes) {
		return String.valueOf(Math.max(1, bytes / (1024 * 1024)));
	}

	/** Finds the line of a character offset; CRLF, LF and a lone CR each end a line, as in CSV. */
	private static final class LineIndex {

		private final int[] starts;

		private final int count;

		LineIndex(String text) {
			int[] found = new int[64];
			int n = 0;
			found[n++] = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
					if (n == found.length) {
						found = Arrays.copyOf(found, n * 2);
					}
					found[n++] = i + 1;
				}
			}
			this.starts = found;
			this.count = n;
		}

		long lineAt(long position) {
			int index = Arrays.binarySearch(this.starts, 0, this.count, (int) position);
			return (index >= 0 ? index : -index - 2) + 1L;
		}

	}

}
