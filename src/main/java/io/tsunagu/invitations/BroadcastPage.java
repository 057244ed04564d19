package io.tsunagu.invitations;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.tsunagu.audience.AudiencePreview;
import io.tsunagu.audience.Segment;
import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Rank;
import io.tsunagu.planning.PlannedEvent;

/**
 * The broadcast page: why no announcement may go out yet ({@code blocked}, a message key, or null),
 * the form, the preview of who it reaches once asked for, and what earlier broadcasts announced to whom.
 */
record BroadcastPage(PlannedEvent event, String blocked, List<DepartmentRef> departments, BroadcastForm form,
		AudiencePreview preview, List<Sent> sent) {

	public List<Rank> ranks() {
		return List.of(Rank.values());
	}

	/** Whether the preview reaches someone and an announcement is written, so Send may be offered. */
	public boolean canSend() {
		return this.preview != null && this.preview.count() > 0 && this.form.message() != null
				&& !this.form.message().isBlank();
	}

	public String departmentName(String code, Locale locale) {
		return this.departments.stream()
			.filter(d -> d.code().equals(code))
			.findFirst()
			.map(d -> d.displayName(locale))
			.orElse(code);
	}

	public List<String> departmentNames(Collection<String> codes, Locale locale) {
		return this.departments.stream()
			.filter(d -> codes.contains(d.code()))
			.map(d -> d.displayName(locale))
			.toList();
	}

	/** A broadcast sent: what it said, to which segment, and how many it invited. */
	record Sent(InvitationWave wave, Segment segment, long invited) {

		public List<Rank> ranks() {
			return this.segment.ranks().stream().sorted().toList();
		}

		public boolean anyYear() {
			return this.segment.joinedFrom() == null && this.segment.joinedTo() == null;
		}

		/** The first join year as text (no digit grouping), blank when open. */
		public String joinedFrom() {
			return this.segment.joinedFrom() == null ? "" : this.segment.joinedFrom().toString();
		}

		public String joinedTo() {
			return this.segment.joinedTo() == null ? "" : this.segment.joinedTo().toString();
		}

	}

}
