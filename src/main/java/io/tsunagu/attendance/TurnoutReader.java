package io.tsunagu.attendance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.invitations.Guests;
import io.tsunagu.invitations.InviteesWhoCame;
import io.tsunagu.invitations.SpreadsheetCells;
import io.tsunagu.planning.PlanStatus;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;
import io.tsunagu.planning.Turnouts;

/**
 * Who came, once an event's check-in has opened: the figures of its page and the funnel's last step,
 * and the list of who came as CSV for its organisers. Once the event is over, attending but never
 * checked in is a no-show. Reads one event's guests and check-ins, never more.
 */
@Service
class TurnoutReader implements Turnouts, InviteesWhoCame {

	private static final Set<PlanStatus> WAS_ON = EnumSet.of(PlanStatus.APPROVED, PlanStatus.INVITING, PlanStatus.HELD,
			PlanStatus.CLOSED);

	private static final DateTimeFormatter SPREADSHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Plans plans;

	private final Guests guests;

	private final CheckIns checkIns;

	private final Directory directory;

	private final Clock clock;

	TurnoutReader(Plans plans, Guests guests, CheckIns checkIns, Directory directory, Clock clock) {
		this.plans = plans;
		this.guests = guests;
		this.checkIns = checkIns;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Turnout> of(PlannedEvent event) {
		Instant now = this.clock.instant();
		if (!opened(now).test(event)) {
			return Optional.empty();
		}
		Set<Long> attending = this.guests.expected(event.id())
			.stream()
			.filter(guest -> !guest.waitlisted())
			.map(Guests.Guest::employeeId)
			.collect(Collectors.toSet());
		List<Came> came = this.checkIns.whoCame(event.id());
		long walkIns = came.stream().filter(Came::walkIn).count();
		boolean over = !now.isBefore(event.endsAt());
		Set<Long> noShows = new HashSet<>(attending);
		came.forEach(c -> noShows.remove(c.employeeId()));
		return Optional.of(new Turnout(came.size() - walkIns, attending.size(), walkIns, over ? noShows.size() : 0, over));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Set<Long>> checkedIn(long planId) {
		return this.plans.event(planId).filter(opened(this.clock.instant())).map(event -> this.checkIns.whoCame(planId)
			.stream()
			.filter(came -> !came.walkIn())
			.map(Came::employeeId)
			.collect(Collectors.toSet()));
	}

	/**
	 * Who came, in the order they were checked in, for a spreadsheet: UTF-8 with a byte order mark,
	 * formula-safe cells, departments in the reader's language, times in the event's zone.
	 * @return empty for anyone but the event's organisers, to whom the event does not exist
	 */
	@Transactional(readOnly = true)
	Optional<String> whoCameCsv(long planId, long organiserId, Function<String, String> words, Locale locale) {
		return this.plans.event(planId).filter(event -> event.isOrganisedBy(organiserId)).map(event -> {
			List<Came> came = this.checkIns.whoCame(planId);
			Map<Long, EmployeeRef> people = this.directory.findAllById(came.stream().map(Came::employeeId).toList());
			Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
			StringBuilder csv = new StringBuilder("\uFEFF");
			try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
				printer.printRecord(words.apply("attendance.csv.name"), words.apply("attendance.csv.department"),
						words.apply("attendance.csv.walkIn"), words.apply("attendance.csv.checkedInAt"));
				for (Came one : came) {
					EmployeeRef person = people.get(one.employeeId());
					DepartmentRef department = person == null ? null : departments.get(person.departmentCode());
					printer.printRecord(SpreadsheetCells.safe(person == null ? "" : person.name()),
							SpreadsheetCells.safe(department == null ? "" : department.displayName(locale)),
							words.apply(one.walkIn() ? "answer.yes" : "answer.no"),
							SPREADSHEET_TIME.format(one.checkedInAt().atZone(event.zone())));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return csv.toString();
		});
	}

	/** The event, once its check-in has opened; not for one that was never approved or was cancelled. */
	/** Whether an event took place or is taking place, its check-in opened by now. */
	private static Predicate<PlannedEvent> opened(Instant now) {
		return event -> WAS_ON.contains(event.status()) && !now.isBefore(CheckInWindow.of(event).opens());
	}

}
