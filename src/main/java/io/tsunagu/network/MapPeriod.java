package io.tsunagu.network;

/**
 * The quarters a department map shows, from the first to the last, both included: at most twelve, none
 * after the current one. Without a period asked, the last four quarters up to the current one.
 */
record MapPeriod(Quarter from, Quarter to) {

	static final int LONGEST = 12;

	MapPeriod {
		if (from.compareTo(to) > 0) {
			throw new IllegalArgumentException("A period from " + from + " to " + to);
		}
	}

	static MapPeriod lastYear(Quarter now) {
		return new MapPeriod(now.plus(-3), now);
	}

	/**
	 * The period asked as {@code 2026Q1}..{@code 2026Q4}; a missing end is the default's. Refused (with
	 * the key of the message that says why) when unreadable, reversed, after the current quarter or longer
	 * than {@value #LONGEST} quarters.
	 */
	static MapPeriod asked(String from, String to, Quarter now) {
		MapPeriod fallback = lastYear(now);
		Quarter first = blank(from) ? null : Quarter.parse(from).orElseThrow(() -> new Refused("network.map.period.unreadable"));
		Quarter last = blank(to) ? null : Quarter.parse(to).orElseThrow(() -> new Refused("network.map.period.unreadable"));
		if (first == null && last == null) {
			return fallback;
		}
		last = last == null ? now : last;
		first = first == null ? last.plus(-3) : first;
		if (first.compareTo(last) > 0) {
			throw new Refused("network.map.period.reversed");
		}
		if (last.compareTo(now) > 0) {
			throw new Refused("network.map.period.future");
		}
		if (last.number() - first.number() + 1 > LONGEST) {
			throw new Refused("network.map.period.tooLong");
		}
		return new MapPeriod(first, last);
	}

	public int quarters() {
		return this.to.number() - this.from.number() + 1;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** What was asked cannot be shown; the key of the message that says why. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String messageKey;

		Refused(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

}
