package io.tsunagu.invitations;

import java.util.Set;

import io.tsunagu.audience.Segment;
import io.tsunagu.directory.Rank;

/**
 * The broadcast form: the segment (departments, ranks, join years as typed; empty means any), the
 * announcement, and {@code expected}, the number of people the preview showed and the organiser
 * confirmed.
 */
record BroadcastForm(Set<String> departments, Set<Rank> ranks, String joinedFrom, String joinedTo, String message,
		Long expected) {

	BroadcastForm {
		departments = departments == null ? Set.of() : Set.copyOf(departments);
		ranks = ranks == null ? Set.of() : Set.copyOf(ranks);
	}

	/** The form prefilled with a segment, nothing written yet. */
	static BroadcastForm of(Segment segment) {
		return new BroadcastForm(segment.departmentCodes(), segment.ranks(), text(segment.joinedFrom()),
				text(segment.joinedTo()), null, null);
	}

	/**
	 * The segment the form describes.
	 * @throws InvitationRefused when a join year is not a number or the range runs backwards
	 */
	Segment segment() {
		try {
			return new Segment(this.departments, this.ranks, year(this.joinedFrom), year(this.joinedTo));
		}
		catch (IllegalArgumentException ex) {
			throw new InvitationRefused("broadcast.refused.years");
		}
	}

	private static Integer year(String text) {
		return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
	}

	private static String text(Integer year) {
		return year == null ? null : year.toString();
	}

}
