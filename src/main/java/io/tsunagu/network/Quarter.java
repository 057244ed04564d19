package io.tsunagu.network;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a calendar year, written {@code 2026Q1}; numbered {@code year * 4 + quarter - 1} in the
 * tables, so that a range of quarters is a range of numbers.
 */
record Quarter(int year, int quarter) implements Comparable<Quarter> {

	private static final Pattern WRITTEN = Pattern.compile("(\\d{4})Q([1-4])");

	Quarter {
		if (year < 1900 || year > 2200 || quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("No quarter " + year + "Q" + quarter);
		}
	}

	/** The quarter written {@code 2026Q1} (a lower-case q too), or empty. */
	static Optional<Quarter> parse(String text) {
		Matcher matcher = text == null ? null : WRITTEN.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		return matcher != null && matcher.matches()
				? Optional.of(new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
				: Optional.empty();
	}

	static Quarter of(LocalDate day) {
		return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	static Quarter ofNumber(int number) {
		return new Quarter(Math.floorDiv(number, 4), Math.floorMod(number, 4) + 1);
	}

	int number() {
		return this.year * 4 + this.quarter - 1;
	}

	Quarter plus(int quarters) {
		return ofNumber(number() + quarters);
	}

	LocalDate firstDay() {
		return LocalDate.of(this.year, (this.quarter - 1) * 3 + 1, 1);
	}

	/** The first day of the next quarter. */
	LocalDate end() {
		return firstDay().plusMonths(3);
	}

	@Override
	public int compareTo(Quarter other) {
		return Integer.compare(number(), other.number());
	}

	@Override
	public String toString() {
		return this.year + "Q" + this.quarter;
	}

}
