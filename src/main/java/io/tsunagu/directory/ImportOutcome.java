package io.tsunagu.directory;

import java.util.List;

/**
 * What became of an upload: imported with its counts, or rejected with every problem found (and
 * nothing written).
 */
record ImportOutcome(ImportCounts counts, List<CsvProblem> problems) {

	static ImportOutcome imported(ImportCounts counts) {
		return new ImportOutcome(counts, List.of());
	}

	static ImportOutcome rejected(List<CsvProblem> problems) {
		return new ImportOutcome(null, List.copyOf(problems));
	}

	boolean isImported() {
		return this.counts != null;
	}

}
