package io.tsunagu.directory;

import java.util.List;

/**
 * What became of an upload: imported with its counts, or rejected with every problem found (and
 * nothing written).
 */
record ImportOutcome(ImportCounts counts, int deactivated, List<CsvProblem> problems) {

	static ImportOutcome imported(ImportCounts counts) {
		return imported(counts, 0);
	}

	/** @param deactivated how many employees left out of a file that lists everyone were deactivated */
	static ImportOutcome imported(ImportCounts counts, int deactivated) {
		return new ImportOutcome(counts, deactivated, List.of());
	}

	static ImportOutcome rejected(List<CsvProblem> problems) {
		return new ImportOutcome(null, 0, List.copyOf(problems));
	}

	boolean isImported() {
		return this.counts != null;
	}

}
