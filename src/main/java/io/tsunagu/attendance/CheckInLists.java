package io.tsunagu.attendance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Colleague;
import io.tsunagu.directory.Directory;
import io.tsunagu.invitations.Guests;
import io.tsunagu.invitations.Guests.Guest;
import io.tsunagu.planning.PlannedEvent;

/**
 * What the organisers at the door read: the list once when the page opens (three queries whatever the
 * size of the event), then only who is in, asked every few seconds by each organiser's phone.
 */
@Service
@Transactional(readOnly = true)
class CheckInLists {

	/** At most this many colleagues are offered when looking for a walk-in. */
	static final int WALK_IN_MATCHES = 10;

	private static final Comparator<CheckInList.Row> BY_READING = Comparator
		.comparing((CheckInList.Row row) -> row.person().reading())
		.thenComparing(row -> row.person().id());

	private final CheckIns checkIns;

	private final Guests guests;

	private final Directory directory;

	private final Clock clock;

	CheckInLists(CheckIns checkIns, Guests guests, Directory directory, Clock clock) {
		this.checkIns = checkIns;
		this.guests = guests;
		this.directory = directory;
		this.clock = clock;
	}

	/** The whole list, for an organiser of the event while it takes check-ins. */
	CheckInList list(long planId, long organiserId) {
		PlannedEvent event = this.checkIns.door(planId, organiserId);
		List<Guest> expected = this.guests.expected(planId);
		Set<Long> in = this.checkIns.whoCame(planId).stream().map(Came::employeeId).collect(Collectors.toSet());
		Set<Long> everyone = new LinkedHashSet<>();
		expected.forEach(guest -> everyone.add(guest.employeeId()));
		everyone.addAll(in);
		Map<Long, Colleague> people = this.directory.colleagues(everyone);

		Map<String, List<CheckInList.Row>> byDepartment = new TreeMap<>();
		for (Guest guest : expected) {
			Colleague person = people.get(guest.employeeId());
			if (person != null) {
				byDepartment.computeIfAbsent(person.department().code(), code -> new ArrayList<>())
					.add(new CheckInList.Row(person, guest.waitlisted(), in.contains(person.id()), UUID.randomUUID()));
			}
		}
		List<CheckInList.Group> groups = byDepartment.values()
			.stream()
			.map(rows -> new CheckInList.Group(rows.get(0).person().department(), rows.stream().sorted(BY_READING).toList()))
			.toList();
		Set<Long> expectedIds = expected.stream().map(Guest::employeeId).collect(Collectors.toSet());
		List<CheckInList.Row> walkIns = in.stream()
			.filter(id -> !expectedIds.contains(id) && people.containsKey(id))
			.map(id -> new CheckInList.Row(people.get(id), false, true, UUID.randomUUID()))
			.sorted(BY_READING)
			.toList();
		int checkedIn = (int) expectedIds.stream().filter(in::contains).count();
		return new CheckInList(event, groups, walkIns, expectedIds.size(), checkedIn, this.clock.instant());
	}

	/**
	 * Who is in now, for the phones to catch up with each other: the ids, and the walk-ins with their
	 * names (a phone's list does not hold them). One query, and one more only when there are walk-ins.
	 */
	DoorState state(long planId, long organiserId, Locale locale) {
		PlannedEvent event = this.checkIns.door(planId, organiserId);
		List<Came> came = this.checkIns.whoCame(planId);
		List<Long> walkInIds = came.stream().filter(Came::walkIn).map(Came::employeeId).toList();
		List<Person> walkIns = this.directory.colleagues(walkInIds)
			.values()
			.stream()
			.map(colleague -> Person.of(colleague, locale))
			.toList();
		return new DoorState(came.stream().map(Came::employeeId).toList(), walkIns, event.capacity(),
				this.clock.millis());
	}

	/** Colleagues matching the text, to check in one who was not expected. */
	List<Person> walkInCandidates(long planId, long organiserId, String text, Locale locale) {
		this.checkIns.door(planId, organiserId);
		return this.directory.searchColleagues(text, WALK_IN_MATCHES)
			.stream()
			.map(colleague -> Person.of(colleague, locale))
			.toList();
	}

	/**
	 * Who is in, as the phones poll it; {@code capacity} to say when walk-ins take the event over it, and
	 * {@code at} (the server's clock) to tell it from the page it updates.
	 */
	record DoorState(List<Long> checkedIn, List<Person> walkIns, int capacity, long at) {
	}

	/** A colleague as the page's script shows them. */
	record Person(long id, String name, String reading, String department) {

		static Person of(Colleague colleague, Locale locale) {
			return new Person(colleague.id(), colleague.name(), colleague.reading(),
					colleague.department().displayName(locale));
		}

	}

}
