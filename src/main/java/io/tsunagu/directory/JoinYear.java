package io.tsunagu.directory;

import java.time.Year;

/**
 * The year an employee joined the company: cohort events are built on it.
 */
record JoinYear(int value) {

	static final int EARLIEST = 1950;

	JoinYear {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a join year: " + value);
		}
	}

	static boolean isValid(int value) {
		return value >= EARLIEST && value <= Year.now().getValue() + 1;
	}

}
