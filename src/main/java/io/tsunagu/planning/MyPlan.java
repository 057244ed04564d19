package io.tsunagu.planning;

import java.time.Instant;
import java.time.ZoneId;

/** A plan its organiser's home page lists: what it is called, where it stands and when it starts. */
public record MyPlan(long planId, String title, PlanStatus status, Instant startsAt, ZoneId zone) {

	/** As the query reads it: the plan keeps its zone by name. */
	MyPlan(long planId, String title, PlanStatus status, Instant startsAt, String zone) {
		this(planId, title, status, startsAt, ZoneId.of(zone));
	}

}
