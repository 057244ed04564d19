package io.tsunagu.attendance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tsunagu.directory.Colleague;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.planning.PlannedEvent;

/**
 * The check-in page: the people the event expects, by department, then those who came without being
 * expected (walk-ins), and how many are in; {@code shownAt} tells a copy kept on the phone from a newer one.
 */
record CheckInList(PlannedEvent event, List<Group> groups, List<Row> walkIns, int expected, int checkedIn,
		Instant shownAt) {

	/** Everybody in: the expected who came and the walk-ins. */
	public int inTotal() {
		return this.checkedIn + this.walkIns.size();
	}

	/** Walk-ins took the number of people in over the event's capacity. */
	public boolean overCapacity() {
		return !this.walkIns.isEmpty() && inTotal() > this.event.capacity();
	}

	record Group(DepartmentRef department, List<Row> people) {
	}

	/**
	 * A person on the list; {@code tapKey} is the key of the tap a form without script sends for them, so
	 * that the same form sent twice is one tap.
	 */
	record Row(Colleague person, boolean waitlisted, boolean checkedIn, UUID tapKey) {
	}

}
