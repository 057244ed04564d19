package io.tsunagu.directory;

import java.io.IOException;

/**
 * One uploaded file: which of the two it is, the name it came with, its size, and its bytes, read
 * only once the size is known to be acceptable.
 */
record CsvUpload(CsvFile file, String originalName, long size, Content content) {

	/** The bytes of an upload; reading them may fail like any I/O. */
	@FunctionalInterface
	interface Content {

		byte[] read() throws IOException;

	}

	static CsvUpload of(CsvFile file, String originalName, byte[] bytes) {
		return new CsvUpload(file, originalName, bytes.length, () -> bytes);
	}

	String displayName() {
		return this.originalName == null || this.originalName.isBlank() ? this.file.fileName() : this.originalName;
	}

}
