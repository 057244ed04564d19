package io.tsunagu.network;

import java.time.LocalDate;
import java.util.Set;

/**
 * An event's ties were recorded, for the first time or again after a check-in was corrected; published
 * in the recording transaction, so that what is kept per period is brought up to date with it.
 * @param heldOn the day the event took place, in the company's zone
 * @param people everyone at the event now and everyone who was before this recording
 */
record TiesRecorded(long planId, LocalDate heldOn, Set<Long> people) {

	TiesRecorded {
		people = Set.copyOf(people);
	}

}
