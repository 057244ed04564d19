package io.tsunagu.planning;

import java.util.List;

/**
 * Events hosted again, one edition after the other: named after the first, each with its number
 * (「2019年入社 同期会 第3回」).
 */
public record PlanSeries(long id, String name, List<Edition> editions) {

	public PlanSeries {
		editions = List.copyOf(editions);
	}

	/** One event of the series and its number in it; a next edition's date may be still to pick. */
	public record Edition(int number, PlannedEvent event, boolean dateToPick) {
	}

}
