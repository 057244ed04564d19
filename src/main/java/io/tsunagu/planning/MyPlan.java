package io.tsunagu.planning;

import java.time.Instant;
import java.time.ZoneId;

/** A plan its organiser's home page lists: what it is called, where it stands and when it starts. */
public record MyPlan(long planId, String title, PlanStatus status, Instant startsAt, ZoneId zone) {
}
