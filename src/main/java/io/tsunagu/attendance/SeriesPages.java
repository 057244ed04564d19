package io.tsunagu.attendance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.invitations.Guests;
import io.tsunagu.planning.PlanSeries;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * The page of a series of events hosted again: each edition with how many were invited, said they
 * attend and came. What counts is who came.
 */
@Service
@Transactional(readOnly = true)
class SeriesPages {

	private final Plans plans;

	private final Guests guests;

	private final JdbcClient jdbc;

	SeriesPages(Plans plans, Guests guests, JdbcClient jdbc) {
		this.plans = plans;
		this.guests = guests;
		this.jdbc = jdbc;
	}

	/**
	 * The series of this event, for one of its organisers; an event never hosted again is a series of one.
	 * @throws NotOrganised for anyone else
	 */
	SeriesPage page(long planId, long organiserId) {
		PlannedEvent event = this.plans.event(planId).filter(e -> e.isOrganisedBy(organiserId)).orElseThrow(NotOrganised::new);
		PlanSeries series = this.plans.seriesOf(planId)
			.orElseGet(() -> new PlanSeries(planId, event.title(), List.of(new PlanSeries.Edition(1, event, false))));
		List<Long> ids = series.editions().stream().map(edition -> edition.event().id()).toList();
		Map<Long, Guests.Counts> counts = this.guests.counts(ids);
		Map<Long, Long> came = new HashMap<>();
		this.jdbc.sql("SELECT plan_id, count(*) FROM check_ins WHERE plan_id = ANY (?) GROUP BY plan_id")
			.param(ids.toArray(Long[]::new))
			.query(rs -> {
				came.put(rs.getLong(1), rs.getLong(2));
			});
		Guests.Counts none = new Guests.Counts(0, 0);
		return new SeriesPage(series.name(), planId, series.editions()
			.stream()
			.map(edition -> new SeriesPage.Row(edition.number(), edition.event(), edition.dateToPick(),
					counts.getOrDefault(edition.event().id(), none).invited(),
					counts.getOrDefault(edition.event().id(), none).attending(), came.getOrDefault(edition.event().id(), 0L)))
			.toList());
	}

}
