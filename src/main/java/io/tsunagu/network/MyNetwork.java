package io.tsunagu.network;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Colleague;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.network.NetworkPage.Group;
import io.tsunagu.network.NetworkPage.Helper;
import io.tsunagu.network.NetworkPage.Person;
import io.tsunagu.network.NetworkPage.SharedEvent;
import io.tsunagu.network.NetworkPage.TiePage;
import io.tsunagu.planning.MyPlan;
import io.tsunagu.planning.MyPlans;

/**
 * The read side of one's own network. Someone at hundreds of events has thousands of ties: they are read
 * once (from that person's events, by the index on the person), grouped in memory, and only the people
 * the page shows are looked up further (relationship, last event), so the page stays the same size.
 */
@Component
@Transactional(readOnly = true)
class MyNetwork {

	/** The people who helped me prepare, shown at the top. */
	static final int HELPERS = 8;

	/** People shown per department in the overview. */
	static final int PER_DEPARTMENT = 5;

	/** People per page when one department is opened. */
	static final int PAGE = 50;

	/** People not seen for a while, shown with the action to invite them. */
	static final int NOT_SEEN = 10;

	/** How long without meeting makes someone "not seen for a while". */
	static final int NOT_SEEN_MONTHS = 6;

	/** My plans offered for the must-invite list. */
	private static final int PLANS = 20;

	private final Ties ties;

	private final NetworkSettings settings;

	private final Relationships relationships;

	private final Directory directory;

	private final MyPlans myPlans;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	MyNetwork(Ties ties, NetworkSettings settings, Relationships relationships, Directory directory, MyPlans myPlans,
			JdbcClient jdbc, Clock clock, @Value("${tsunagu.zone}") ZoneId zone) {
		this.ties = ties;
		this.settings = settings;
		this.relationships = relationships;
		this.directory = directory;
		this.myPlans = myPlans;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * My network: the overview, or one department's ties a page at a time.
	 * @param departmentCode the department to open, or null
	 * @throws NetworkRefused when I have no tie in the department asked for
	 */
	NetworkPage page(long me, String departmentCode, int pageNumber) {
		List<Tie> all = this.ties.of(me);
		Map<Long, Colleague> colleagues = this.directory.colleagues(all.stream().map(Tie::employeeId).toList());
		// People who left the company are not shown: there is nobody to keep in touch with.
		Set<Long> active = this.directory.activeAmong(colleagues.keySet());
		List<Tie> known = all.stream().filter(tie -> active.contains(tie.employeeId())).toList();
		Map<String, List<Tie>> byDepartment = new LinkedHashMap<>();
		known.forEach(tie -> byDepartment
			.computeIfAbsent(colleagues.get(tie.employeeId()).department().code(), code -> new ArrayList<>())
			.add(tie));

		List<Tie> helpers = known.stream().filter(Tie::preparedTogether).limit(HELPERS).toList();
		LocalDate notSeenSince = today().minusMonths(NOT_SEEN_MONTHS);
		List<Tie> notSeenAll = known.stream().filter(tie -> tie.lastMet().isBefore(notSeenSince)).toList();
		List<Tie> notSeen = notSeenAll.stream().limit(NOT_SEEN).toList();

		Map<String, List<Tie>> shownByDepartment = new LinkedHashMap<>();
		int page = Math.max(pageNumber, 0);
		boolean nextPage = false;
		if (departmentCode != null) {
			List<Tie> inDepartment = byDepartment.get(departmentCode);
			if (inDepartment == null) {
				throw new NetworkRefused("network.refused.department");
			}
			int from = Math.min(page * PAGE, inDepartment.size());
			int to = Math.min(from + PAGE, inDepartment.size());
			shownByDepartment.put(departmentCode, inDepartment.subList(from, to));
			nextPage = to < inDepartment.size();
		}
		else {
			byDepartment.forEach((code, list) -> shownByDepartment.put(code, list.subList(0, Math.min(PER_DEPARTMENT, list.size()))));
		}

		Set<Tie> shown = new LinkedHashSet<>(helpers);
		shownByDepartment.values().forEach(shown::addAll);
		shown.addAll(notSeen);
		Map<Long, Person> people = people(me, shown, colleagues);

		List<Group> groups = new ArrayList<>();
		byDepartment.forEach((code, list) -> groups.add(new Group(colleagues.get(list.get(0).employeeId()).department(),
				list.size(), (int) list.stream().filter(Tie::preparedTogether).count(),
				shownByDepartment.getOrDefault(code, List.of()).stream().map(tie -> people.get(tie.employeeId())).toList())));
		groups.sort(Comparator.comparingInt(Group::preparedWith)
			.reversed()
			.thenComparing(Comparator.comparingInt(Group::people).reversed())
			.thenComparing(group -> group.department().code()));
		Group opened = departmentCode == null ? null
				: groups.stream().filter(group -> group.department().code().equals(departmentCode)).findFirst().orElseThrow();

		List<DepartmentRef> unreached = this.directory.departments()
			.stream()
			.filter(department -> !byDepartment.containsKey(department.code()))
			.toList();
		Map<Long, List<SharedEvent>> prepared = preparedWith(me, helpers.stream().map(Tie::employeeId).toList());
		List<Helper> helperRows = helpers.stream()
			.map(tie -> new Helper(people.get(tie.employeeId()), prepared.getOrDefault(tie.employeeId(), List.of())))
			.toList();
		return new NetworkPage(known.size(), helperRows, groups, unreached,
				notSeen.stream().map(tie -> people.get(tie.employeeId())).toList(), notSeenAll.size(),
				notSeen.isEmpty() ? List.of() : invitingPlans(me), this.settings.isHiddenFromSuggestions(me), opened, page,
				nextPage);
	}

	/**
	 * My tie to one person, event by event.
	 * @throws NetworkNotFound when I have no tie with them (whoever they are)
	 */
	TiePage tie(long me, long other) {
		List<SharedEvent> events = this.jdbc.sql("""
				SELECT e.plan_id, e.title, e.held_on, t.prepared_together
				FROM ties t
				JOIN network_events e ON e.plan_id = t.plan_id
				WHERE t.employee_id = :me AND t.other_id = :other
				ORDER BY e.starts_at DESC, e.plan_id DESC""")
			.param("me", me)
			.param("other", other)
			.query((rs, n) -> new SharedEvent(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getBoolean(4)))
			.list();
		Colleague colleague = events.isEmpty() || !this.directory.isActive(other) ? null
				: this.directory.colleagues(List.of(other)).get(other);
		if (colleague == null) {
			throw new NetworkNotFound();
		}
		Tie tie = new Tie(other, events.get(events.size() - 1).heldOn(), events.get(0).heldOn(),
				events.stream().anyMatch(SharedEvent::preparedTogether), events.stream().map(SharedEvent::planId).toList());
		Person person = people(me, List.of(tie), Map.of(other, colleague)).get(other);
		boolean notSeen = tie.lastMet().isBefore(today().minusMonths(NOT_SEEN_MONTHS));
		return new TiePage(person, events, notSeen, notSeen ? invitingPlans(me) : List.of());
	}

	/** Whether I am tied to this person through an event we were at together. */
	boolean isTiedTo(long me, long other) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM ties WHERE employee_id = :me AND other_id = :other)""")
			.param("me", me)
			.param("other", other)
			.query(Boolean.class)
			.single();
	}

	/** My events still to come whose must-invite list is open (approved, not over), soonest first. */
	List<MyPlan> invitingPlans(long me) {
		return this.myPlans.goingOn(me, PLANS).stream().filter(plan -> plan.status().allowsInviting()).toList();
	}

	private Map<Long, Person> people(long me, Collection<Tie> ties, Map<Long, Colleague> colleagues) {
		List<Long> ids = ties.stream().map(Tie::employeeId).toList();
		Map<Long, Relationship> relationships = this.relationships.of(me, ids);
		Map<Long, Ties.RecordedEvent> events = this.ties.events(ties.stream().map(Tie::lastPlanId).distinct().toList());
		Map<Long, Person> people = new LinkedHashMap<>();
		for (Tie tie : ties) {
			Colleague colleague = colleagues.get(tie.employeeId());
			Relationship relationship = relationships.get(tie.employeeId());
			Ties.RecordedEvent last = events.get(tie.lastPlanId());
			people.put(tie.employeeId(), new Person(tie.employeeId(), colleague.name(), colleague.department(),
					relationship == null ? null : relationship.messageKey(), tie.preparedTogether(), tie.firstMet(),
					tie.lastMet(), last == null ? "" : last.title(), tie.events()));
		}
		return people;
	}

	/** The events each of these people prepared with me, the latest first (three each at most). */
	private Map<Long, List<SharedEvent>> preparedWith(long me, List<Long> others) {
		Map<Long, List<SharedEvent>> found = new LinkedHashMap<>();
		if (others.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				SELECT o.employee_id, e.plan_id, e.title, e.held_on
				FROM meetings me
				JOIN meetings o ON o.plan_id = me.plan_id AND o.prepared AND o.employee_id = ANY (:others)
				JOIN network_events e ON e.plan_id = me.plan_id
				WHERE me.employee_id = :me AND me.prepared AND o.employee_id <> me.employee_id
				ORDER BY e.starts_at DESC, e.plan_id DESC""")
			.param("me", me)
			.param("others", others.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong(1),
					new SharedEvent(rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), true)))
			.list()
			.forEach(row -> {
				List<SharedEvent> events = found.computeIfAbsent(row.getKey(), id -> new ArrayList<>());
				if (events.size() < 3) {
					events.add(row.getValue());
				}
			});
		return found;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

}
