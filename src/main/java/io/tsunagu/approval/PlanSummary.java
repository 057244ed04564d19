package io.tsunagu.approval;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A plan as an approver reads it before deciding: what, why, when, where, how many, how much, and who
 * organises it (the lead first, each with their department's name in both languages).
 */
public record PlanSummary(long planId, String title, String kind, String purpose, String audience, Instant startsAt,
		Instant endsAt, ZoneId zone, String venue, String onlineLink, int capacity, Instant rsvpDeadline,
		Long budgetYen, boolean guestsAllowed, String approverNote, List<Organiser> team) {

	public PlanSummary {
		team = List.copyOf(team);
	}

	/** The organisers' names, the lead first. */
	public List<String> teamNames() {
		return this.team.stream().map(Organiser::name).toList();
	}

	/** One of the organisers; {@code department} is its name in the reader's language. */
	public record Organiser(String name, String department, boolean lead) {
	}

}
