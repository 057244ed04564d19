package io.tsunagu.directory;

/**
 * A column of an org chart CSV file: its header, whether a row must fill it, and the longest value
 * the database column takes.
 */
interface CsvColumn {

	String header();

	boolean required();

	/** In characters (code points), as PostgreSQL counts {@code VARCHAR(n)}. */
	int maxLength();

	/** The column's position in its file's canonical order (the order the export writes). */
	int ordinal();

}
