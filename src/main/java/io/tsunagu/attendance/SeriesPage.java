package io.tsunagu.attendance;

import java.util.List;

import io.tsunagu.planning.PlannedEvent;

/** A series of events hosted again, as its page shows it: each edition, and the one the page was opened from. */
record SeriesPage(String name, long current, List<Row> editions) {

	/** One edition (its date perhaps still to pick) with how many were invited, said they attend, and came. */
	record Row(int number, PlannedEvent event, boolean dateToPick, long invited, long attending, long came) {
	}

}
