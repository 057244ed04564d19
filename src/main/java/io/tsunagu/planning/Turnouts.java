package io.tsunagu.planning;

import java.util.Optional;

/**
 * How many came to an event, as its page says it. The attendance module counts; planning only shows.
 */
public interface Turnouts {

	/**
	 * The event's turnout once its check-in has opened; empty before, and for a cancelled event. Takes the
	 * event its caller has already read, so that the plan page does not read it twice.
	 */
	Optional<Turnout> of(PlannedEvent event);

	/**
	 * {@code came} of {@code attending} (checked in as expected guests), the walk-ins besides, and, once
	 * the event is over, the no-shows: attending but never checked in.
	 */
	record Turnout(long came, long attending, long walkIns, long noShows, boolean over) {

		/** Came as a share of attending, in whole percent. */
		public long percent() {
			return this.attending == 0 ? 0 : Math.round(100.0 * this.came / this.attending);
		}

	}

}
