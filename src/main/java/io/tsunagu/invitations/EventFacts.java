package io.tsunagu.invitations;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.PlannedEvent;

/**
 * What the invitation mails say of the event (title, purpose, time, place, organisers and the lead
 * among them, deadline), with
 * times in the invitee's zone, for templates that show it with {@code mail/event :: facts}.
 */
final class EventFacts {

	private EventFacts() {
	}

	/** A mutable model, for the mail to add its own entries. */
	static Map<String, Object> model(PlannedEvent event, List<EmployeeRef> organisers, ZoneId inviteeZone) {
		Map<String, Object> model = new HashMap<>();
		model.put("planTitle", event.title());
		model.put("purpose", event.purpose());
		model.put("startsAt", event.startsAt().atZone(inviteeZone));
		model.put("endsAt", event.endsAt().atZone(inviteeZone));
		model.put("rsvpDeadline", event.rsvpDeadline().atZone(inviteeZone));
		model.put("venue", event.venue() == null ? "" : event.venue());
		model.put("onlineLink", event.onlineLink() == null ? "" : event.onlineLink());
		model.put("organisers", organisers.stream().map(EmployeeRef::name).toList());
		model.put("lead", organisers.isEmpty() ? "" : organisers.get(0).name());
		return model;
	}

}
