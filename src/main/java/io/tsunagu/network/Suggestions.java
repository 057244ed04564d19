package io.tsunagu.network;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.Rank;
import io.tsunagu.invitations.InvitationHistory;
import io.tsunagu.invitations.MustInviteLists;
import io.tsunagu.planning.IllegalPlanChange;
import io.tsunagu.planning.PlanKind;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * Whom an organiser could invite to an event, and whom to ask to help prepare it, each with the reasons.
 * Candidates come from a few bounded sources (the people at the organiser's events and at those of the
 * colleagues they prepared events with, the helpers of the latest events, a join-year cohort spread over
 * the departments, the executives and officers), at most {@value #CANDIDATES} of them, whatever the size
 * of the company; only they are scored, in a few queries for all of them.
 */
@Service
@Transactional(readOnly = true)
class Suggestions {

	static final int CANDIDATES = 200;

	static final int SHOWN = 10;

	/** Join years this far from the organiser's fit a cohort meetup. */
	static final int COHORT_RANGE = 3;

	/** Invited by the same organiser within this time: asked again later rather than now. */
	static final Duration RECENTLY_INVITED = Duration.ofDays(183);

	// The weights of the ranking: a new department first, then the fit with the event, then how often they come.
	static final int UNREACHED_DEPARTMENT = 40;

	static final int FITS_THE_EVENT = 30;

	static final int CAME_EVERY_TIME = 20;

	static final int CAME_TO_YOUR_EVENT = 10;

	static final int HELPED_PREPARE = 10;

	static final int PREPARED_WITH_YOU = 10;

	static final int PER_EVENT_PREPARED = 6;

	static final int INVITED_RECENTLY = -25;

	/**
	 * The candidates to invite, from the bounded sources, the closest to the organiser first. A department's
	 * share of the cohort is read from the organiser's join year outwards along the index, a few rows each way.
	 */
	static final String INVITEE_CANDIDATES = """
			WITH mine AS (
			    SELECT m.plan_id FROM meetings m JOIN network_events e ON e.plan_id = m.plan_id
			    WHERE m.employee_id = :me ORDER BY e.starts_at DESC LIMIT 30),
			at_mine AS (
			    SELECT o.employee_id FROM mine JOIN meetings o ON o.plan_id = mine.plan_id
			    WHERE o.employee_id <> :me LIMIT 100),
			strong AS (
			    SELECT DISTINCT o.employee_id FROM meetings me
			    JOIN meetings o ON o.plan_id = me.plan_id AND o.prepared AND o.employee_id <> me.employee_id
			    WHERE me.employee_id = :me AND me.prepared LIMIT 20),
			theirs AS (
			    SELECT DISTINCT t.plan_id FROM strong s
			    CROSS JOIN LATERAL (SELECT m.plan_id FROM meetings m WHERE m.employee_id = s.employee_id
			                        ORDER BY m.plan_id DESC LIMIT 5) t),
			at_theirs AS (
			    SELECT o.employee_id FROM theirs JOIN meetings o ON o.plan_id = theirs.plan_id AND o.came LIMIT 100),
			helpers AS (
			    SELECT m.employee_id FROM (SELECT plan_id FROM network_events ORDER BY held_on DESC LIMIT 40) e
			    JOIN meetings m ON m.plan_id = e.plan_id AND m.prepared LIMIT 60),
			cohort AS (
			    SELECT c.id AS employee_id FROM departments d
			    CROSS JOIN LATERAL (
			        (SELECT x.id FROM employees x WHERE x.department_id = d.id AND x.active
			             AND x.join_year BETWEEN :year AND :toYear
			             AND NOT EXISTS (SELECT 1 FROM network_settings h
			                             WHERE h.employee_id = x.id AND h.hidden_from_suggestions)
			         ORDER BY x.join_year, x.id LIMIT 4)
			        UNION ALL
			        (SELECT x.id FROM employees x WHERE x.department_id = d.id AND x.active
			             AND x.join_year >= :fromYear AND x.join_year < :year
			             AND NOT EXISTS (SELECT 1 FROM network_settings h
			                             WHERE h.employee_id = x.id AND h.hidden_from_suggestions)
			         ORDER BY x.join_year DESC, x.id DESC LIMIT 2)) c
			    WHERE :cohort ORDER BY d.id = ANY (CAST(:reached AS bigint[])), d.id LIMIT 150),
			leaders AS (
			    SELECT id AS employee_id FROM employees
			    WHERE :trip AND active AND rank IN ('EXECUTIVE', 'OFFICER') ORDER BY rank, id LIMIT 60),
			found AS (
			    SELECT employee_id, 1 AS source FROM at_mine
			    UNION ALL SELECT employee_id, 2 FROM cohort
			    UNION ALL SELECT employee_id, 2 FROM leaders
			    UNION ALL SELECT employee_id, 3 FROM helpers
			    UNION ALL SELECT employee_id, 4 FROM at_theirs)
			SELECT employee_id FROM found WHERE employee_id <> :me
			GROUP BY employee_id ORDER BY min(source), employee_id LIMIT :limit""";

	private final Plans plans;

	private final Directory directory;

	private final InvitationHistory invitations;

	private final MustInviteLists mustInvite;

	private final JdbcClient jdbc;

	private final Clock clock;

	Suggestions(Plans plans, Directory directory, InvitationHistory invitations, MustInviteLists mustInvite,
			JdbcClient jdbc, Clock clock) {
		this.plans = plans;
		this.directory = directory;
		this.invitations = invitations;
		this.mustInvite = mustInvite;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whom to put on the must-invite list of the event: never its organisers, people already on the list
	 * or invited, people no longer on the org chart or who chose to be left out of suggestions.
	 * @throws SuggestionsNotFound for a plan that does not exist or that this person does not organise
	 */
	List<Suggestion> invitees(long planId, long organiserId, Locale locale) {
		PlannedEvent event = organised(planId, organiserId);
		EmployeeRef organiser = this.directory.findById(organiserId).orElseThrow(SuggestionsNotFound::new);
		PlanKind kind = kind(event);
		Set<Long> reached = reachedDepartments(organiser);
		Set<Long> candidates = new LinkedHashSet<>(inviteeCandidates(organiser, kind, reached));
		candidates.removeAll(event.organiserIds());
		candidates.removeAll(this.invitations.alreadyOn(planId, candidates));
		candidates.retainAll(eligible(candidates));
		if (candidates.isEmpty()) {
			return List.of();
		}
		Map<Long, EmployeeRef> people = this.directory.findAllById(candidates);
		Map<Long, Facts> facts = facts(candidates, organiserId, event.kind());
		Map<Long, InvitationHistory.Invited> invited = this.invitations.of(candidates, organiserId);
		Map<Long, int[]> turnout = turnout(invited.values());
		Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
		Instant recently = this.clock.instant().minus(RECENTLY_INVITED);
		List<Suggestion> suggestions = new ArrayList<>();
		for (EmployeeRef person : people.values()) {
			List<Suggestion.Reason> reasons = new ArrayList<>();
			int score = 0;
			String department = departmentName(departments, person, locale);
			if (!reached.contains(person.departmentId())) {
				score += UNREACHED_DEPARTMENT;
				reasons.add(new Suggestion.Reason("network.suggest.reason.unreached", department));
			}
			int yearsApart = Math.abs(person.joinYear() - organiser.joinYear());
			if (kind == PlanKind.COHORT_MEETUP && yearsApart <= COHORT_RANGE) {
				// The same cohort fits best; each year apart a little less.
				score += FITS_THE_EVENT - 2 * yearsApart;
				reasons.add(person.joinYear() == organiser.joinYear()
						? new Suggestion.Reason("network.suggest.reason.cohort", String.valueOf(person.joinYear()))
						: new Suggestion.Reason("network.suggest.reason.nearCohort", String.valueOf(person.joinYear()),
								String.valueOf(COHORT_RANGE)));
			}
			if (kind == PlanKind.COMPANY_TRIP && (person.rank() == Rank.EXECUTIVE || person.rank() == Rank.OFFICER)) {
				score += FITS_THE_EVENT;
				reasons.add(new Suggestion.Reason("network.suggest.reason." + person.rank().name().toLowerCase(Locale.ROOT)));
			}
			Facts known = facts.getOrDefault(person.id(), Facts.NONE);
			if (known.cameTo() != null) {
				score += CAME_TO_YOUR_EVENT;
				reasons.add(new Suggestion.Reason("network.suggest.reason.came", known.cameTo()));
			}
			int[] cameOf = turnout.get(person.id());
			if (cameOf != null && cameOf[1] > 0) {
				score += Math.round((float) CAME_EVERY_TIME * cameOf[0] / cameOf[1]);
				reasons.add(new Suggestion.Reason("network.suggest.reason.turnout", cameOf[0], cameOf[1]));
			}
			if (known.prepared() > 0) {
				score += HELPED_PREPARE;
				reasons.add(new Suggestion.Reason("network.suggest.reason.helped"));
			}
			InvitationHistory.Invited before = invited.get(person.id());
			if (before != null && before.lastInvitedByOrganiser() != null
					&& before.lastInvitedByOrganiser().isAfter(recently)) {
				score += INVITED_RECENTLY;
			}
			suggestions.add(new Suggestion(person.id(), person.name(), department, reasons, score));
		}
		return top(suggestions, Map.of());
	}

	/**
	 * Whom to ask to join the team: people who helped prepare past events, those from departments the team
	 * does not reach yet first; never people on the team or asked already, people no longer on the org
	 * chart or who chose to be left out of suggestions. Empty once the team can no longer change.
	 * @throws SuggestionsNotFound for a plan that does not exist or that this person does not organise
	 */
	List<Suggestion> helpers(long planId, long organiserId, Locale locale) {
		PlannedEvent event = organised(planId, organiserId);
		if (!event.status().isEditable()) {
			return List.of();
		}
		Set<Long> team = this.plans.teamAndAsked(planId);
		Set<Long> teamDepartments = new HashSet<>();
		this.directory.findAllById(team).values().forEach(member -> teamDepartments.add(member.departmentId()));
		Set<Long> candidates = new LinkedHashSet<>(helperCandidates(organiserId));
		candidates.removeAll(team);
		candidates.retainAll(eligible(candidates));
		if (candidates.isEmpty()) {
			return List.of();
		}
		Map<Long, EmployeeRef> people = this.directory.findAllById(candidates);
		Map<Long, Facts> facts = facts(candidates, organiserId, event.kind());
		Map<String, DepartmentRef> departments = this.directory.departmentsByCode();
		List<Suggestion> suggestions = new ArrayList<>();
		Map<Long, LocalDate> lastPrepared = new HashMap<>();
		for (EmployeeRef person : people.values()) {
			Facts known = facts.getOrDefault(person.id(), Facts.NONE);
			if (known.prepared() == 0) {
				continue;
			}
			List<Suggestion.Reason> reasons = new ArrayList<>();
			int score = 0;
			String department = departmentName(departments, person, locale);
			if (!teamDepartments.contains(person.departmentId())) {
				score += UNREACHED_DEPARTMENT;
				reasons.add(new Suggestion.Reason("network.suggest.reason.teamUnreached", department));
			}
			score += PER_EVENT_PREPARED * Math.min(known.prepared(), 5);
			reasons.add(new Suggestion.Reason("network.suggest.reason.helpedTimes", known.prepared()));
			if (known.preparedWithMe()) {
				score += PREPARED_WITH_YOU;
				reasons.add(new Suggestion.Reason("network.suggest.reason.preparedWithYou"));
			}
			lastPrepared.put(person.id(), known.lastPrepared());
			suggestions.add(new Suggestion(person.id(), person.name(), department, reasons, score));
		}
		return top(suggestions, lastPrepared);
	}

	/**
	 * Puts a suggested person on the must-invite list.
	 * @return their name
	 * @throws SuggestionRefused when they are unknown, left out of suggestions, or cannot be put on the list
	 */
	@Transactional
	String invite(long planId, long organiserId, String actor, long employeeId) {
		organised(planId, organiserId);
		EmployeeRef person = suggestible(employeeId);
		try {
			return this.mustInvite.add(planId, organiserId, actor, employeeId);
		}
		catch (MustInviteLists.Refused refused) {
			throw new SuggestionRefused(refused.messageKey(), person.name());
		}
	}

	/**
	 * Asks a suggested helper to join the team; they get a mail and join when they accept.
	 * @return their name
	 * @throws SuggestionRefused when they are unknown, left out of suggestions, or on the team or asked already
	 */
	@Transactional
	String askToHelp(long planId, long organiserId, String actor, long employeeId) {
		organised(planId, organiserId);
		EmployeeRef person = suggestible(employeeId);
		try {
			return this.plans.askToJoinTeam(planId, organiserId, actor, employeeId).name();
		}
		catch (IllegalPlanChange refused) {
			throw new SuggestionRefused(refused.messageKey(), person.name());
		}
	}

	private EmployeeRef suggestible(long employeeId) {
		EmployeeRef person = this.directory.findById(employeeId)
			.filter(found -> this.directory.isActive(found.id()))
			.orElseThrow(() -> new SuggestionRefused("network.suggest.refused.unknown", ""));
		if (eligible(List.of(employeeId)).isEmpty()) {
			throw new SuggestionRefused("network.suggest.refused.hidden", person.name());
		}
		return person;
	}

	private PlannedEvent organised(long planId, long organiserId) {
		PlannedEvent event = this.plans.event(planId).orElseThrow(SuggestionsNotFound::new);
		if (!event.isOrganisedBy(organiserId)) {
			throw new SuggestionsNotFound();
		}
		return event;
	}

	/** The departments of everyone the organiser is tied to, and their own. */
	private Set<Long> reachedDepartments(EmployeeRef organiser) {
		Set<Long> reached = new HashSet<>(this.jdbc.sql("""
				SELECT DISTINCT other_department_id FROM ties WHERE employee_id = ?""").param(organiser.id()).query(Long.class).list());
		reached.add(organiser.departmentId());
		return reached;
	}

	/** The candidates to invite: {@link #INVITEE_CANDIDATES}. */
	private List<Long> inviteeCandidates(EmployeeRef organiser, PlanKind kind, Set<Long> reached) {
		return this.jdbc.sql(INVITEE_CANDIDATES)
			.param("me", organiser.id())
			.param("fromYear", organiser.joinYear() - COHORT_RANGE)
			.param("toYear", organiser.joinYear() + COHORT_RANGE)
			.param("year", organiser.joinYear())
			.param("cohort", kind == PlanKind.COHORT_MEETUP)
			.param("trip", kind == PlanKind.COMPANY_TRIP)
			.param("reached", array(reached))
			.param("limit", CANDIDATES)
			.query(Long.class)
			.list();
	}

	/** The candidates to ask to help: those who prepared events with the organiser, then the latest events' helpers. */
	private List<Long> helperCandidates(long organiserId) {
		return this.jdbc.sql("""
				WITH strong AS (
				    SELECT o.employee_id FROM meetings me
				    JOIN meetings o ON o.plan_id = me.plan_id AND o.prepared AND o.employee_id <> me.employee_id
				    WHERE me.employee_id = :me AND me.prepared LIMIT 50),
				helpers AS (
				    SELECT m.employee_id FROM (SELECT plan_id FROM network_events ORDER BY held_on DESC LIMIT 60) e
				    JOIN meetings m ON m.plan_id = e.plan_id AND m.prepared LIMIT 150),
				found AS (SELECT employee_id, 1 AS source FROM strong UNION ALL SELECT employee_id, 2 FROM helpers)
				SELECT employee_id FROM found WHERE employee_id <> :me
				GROUP BY employee_id ORDER BY min(source), employee_id LIMIT :limit""")
			.param("me", organiserId)
			.param("limit", CANDIDATES)
			.query(Long.class)
			.list();
	}

	/** Those of these people still on the org chart who did not ask to be left out of suggestions. */
	private Set<Long> eligible(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				SELECT e.id FROM employees e
				WHERE e.id = ANY (?) AND e.active
				  AND NOT EXISTS (SELECT 1 FROM network_settings s WHERE s.employee_id = e.id AND s.hidden_from_suggestions)""")
			.param(ids.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * What the recorded events say of each candidate: how many they prepared and when last, whether they
	 * prepared one with the organiser, and the latest event the organiser prepared that they came to (one of
	 * the same kind as this one first).
	 */
	private Map<Long, Facts> facts(Collection<Long> ids, long organiserId, String kind) {
		Map<Long, Facts> facts = new HashMap<>();
		this.jdbc.sql("""
				SELECT m.employee_id,
				       count(*) FILTER (WHERE m.prepared),
				       max(e.held_on) FILTER (WHERE m.prepared),
				       coalesce(bool_or(m.prepared AND me.prepared), FALSE),
				       (array_agg(e.title ORDER BY e.kind = :kind DESC, e.starts_at DESC)
				            FILTER (WHERE m.came AND me.prepared))[1]
				FROM meetings m
				JOIN network_events e ON e.plan_id = m.plan_id
				LEFT JOIN meetings me ON me.plan_id = m.plan_id AND me.employee_id = :me
				WHERE m.employee_id = ANY (CAST(:ids AS bigint[]))
				GROUP BY m.employee_id""")
			.param("me", organiserId)
			.param("kind", kind)
			.param("ids", array(ids))
			.query((rs, n) -> {
				Date last = rs.getDate(3);
				return Map.entry(rs.getLong(1), new Facts(rs.getInt(2), last == null ? null : last.toLocalDate(),
						rs.getBoolean(4), rs.getString(5)));
			})
			.list()
			.forEach(entry -> facts.put(entry.getKey(), entry.getValue()));
		return facts;
	}

	/**
	 * For each person, of the events they were invited to that took place (are recorded), how many they came
	 * to and how many there were; one query for all.
	 */
	private Map<Long, int[]> turnout(Collection<InvitationHistory.Invited> invited) {
		List<Long> employees = new ArrayList<>();
		List<Long> planIds = new ArrayList<>();
		invited.forEach(person -> person.planIds().forEach(planId -> {
			employees.add(person.employeeId());
			planIds.add(planId);
		}));
		Map<Long, int[]> turnout = new HashMap<>();
		if (employees.isEmpty()) {
			return turnout;
		}
		this.jdbc.sql("""
				SELECT x.employee_id, count(*) FILTER (WHERE m.came), count(*)
				FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[])) AS x (employee_id, plan_id)
				JOIN network_events e ON e.plan_id = x.plan_id
				LEFT JOIN meetings m ON m.plan_id = x.plan_id AND m.employee_id = x.employee_id
				GROUP BY x.employee_id""")
			.params(employees.toArray(Long[]::new), planIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) }))
			.list()
			.forEach(entry -> turnout.put(entry.getKey(), entry.getValue()));
		return turnout;
	}

	/** The best first; among equals, the one who prepared most lately, then the lowest id, so the order is stable. */
	private static List<Suggestion> top(List<Suggestion> suggestions, Map<Long, LocalDate> lastPrepared) {
		return suggestions.stream()
			.sorted(Comparator.comparingInt(Suggestion::score)
				.reversed()
				.thenComparing(s -> lastPrepared.get(s.employeeId()), Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparingLong(Suggestion::employeeId))
			.limit(SHOWN)
			.toList();
	}

	/**
	 * An array literal of ids for a statement with named parameters, which would spread a Java array into
	 * a list of parameters.
	 */
	private static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private static String departmentName(Map<String, DepartmentRef> departments, EmployeeRef person, Locale locale) {
		DepartmentRef department = departments.get(person.departmentCode());
		return department == null ? "" : department.displayName(locale);
	}

	private static PlanKind kind(PlannedEvent event) {
		try {
			return PlanKind.valueOf(event.kind());
		}
		catch (IllegalArgumentException ex) {
			return PlanKind.OTHER;
		}
	}

	/** What the recorded events say of one candidate. */
	private record Facts(int prepared, LocalDate lastPrepared, boolean preparedWithMe, String cameTo) {

		static final Facts NONE = new Facts(0, null, false, null);

	}

}
