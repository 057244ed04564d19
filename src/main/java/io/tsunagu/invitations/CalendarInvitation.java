package io.tsunagu.invitations;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.io.TimezoneInfo;
import biweekly.parameter.ParticipationLevel;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

/**
 * The iCalendar part of an invitation, so that Outlook and Google Calendar put the event in the invitee's
 * calendar: {@code METHOD:REQUEST} for an invitation or a change (with a higher {@code SEQUENCE}), and
 * {@code METHOD:CANCEL} when the event is called off. The UID is stable per event, so a change replaces the
 * entry in the calendar instead of adding one.
 * <p>
 * Answers are given by the link, never by the calendar: Tsunagu receives no mail, so a calendar reply would
 * be lost. The entry asks for none ({@code RSVP=FALSE}, no {@code PARTSTAT=NEEDS-ACTION}; Outlook then files
 * "Accept" without sending anything), names Tsunagu's own sender address as {@code ORGANIZER} (with the
 * organiser's name), so that a client that replies anyway does not make the organiser believe the answer
 * counted, and its description says where to answer. {@code METHOD:PUBLISH} would ask for no reply either,
 * but Outlook files a PUBLISH part as a plain attachment and calendars do not move or cancel a published
 * entry by its UID, so updates and cancellations would be lost instead.
 */
final class CalendarInvitation {

	private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x1F\\x7F]");

	/** The control characters a TEXT value may not hold: all but the line feed, which biweekly escapes. */
	private static final Pattern CONTROLS_BUT_LINE_FEED = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

	/**
	 * What the calendar needs to know of the event; the organiser is named as the event's organiser, with the
	 * address the mail comes from.
	 */
	record Event(long id, String title, String description, ZonedDateTime start, ZonedDateTime end, String location,
			String url, int sequence, String organiserName, String senderEmail) {
	}

	private CalendarInvitation() {
	}

	static String uid(long eventId, String domain) {
		return "tsunagu-event-" + eventId + "@" + domain;
	}

	static String request(Event event, String domain, String attendeeName, String attendeeEmail) {
		return write(event, domain, attendeeName, attendeeEmail, Method.request(), Status.confirmed());
	}

	static String cancel(Event event, String domain, String attendeeName, String attendeeEmail) {
		return write(event, domain, attendeeName, attendeeEmail, Method.cancel(), Status.cancelled());
	}

	/**
	 * {@code METHOD:PUBLISH}: the entry for a calendar to import from the answer page. Under the mailed
	 * invitation's UID and sequence, so that it and every later update land on one entry; it names no
	 * attendee and asks for no reply, since the answer is given on the page.
	 */
	static String publish(Event event, String domain) {
		return write(event, domain, null, null, Method.publish(), Status.confirmed());
	}

	private static String write(Event event, String domain, String attendeeName, String attendeeEmail, Method method,
			Status status) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Tsunagu//Tsunagu//JA");
		calendar.setMethod(method);
		VEvent entry = new VEvent();
		entry.setUid(uid(event.id(), domain));
		entry.setSequence(event.sequence());
		entry.setSummary(text(event.title()));
		if (event.description() != null) {
			entry.setDescription(text(event.description()));
		}
		entry.setDateStart(Date.from(event.start().toInstant()), true);
		entry.setDateEnd(Date.from(event.end().toInstant()), true);
		if (event.location() != null) {
			entry.setLocation(text(event.location()));
		}
		if (event.url() != null) {
			entry.setUrl(event.url());
		}
		entry.setStatus(status);
		Organizer organizer = new Organizer(name(event.organiserName()), event.senderEmail());
		entry.setOrganizer(organizer);
		if (attendeeEmail != null) {
			Attendee attendee = new Attendee(name(attendeeName), attendeeEmail);
			attendee.setParticipationLevel(ParticipationLevel.REQUIRED);
			attendee.setRsvp(false);
			entry.addAttendee(attendee);
		}
		calendar.addEvent(entry);
		// Times are written in the event's own zone with its VTIMEZONE, as calendar clients expect.
		ZoneId zone = event.start().getZone();
		TimezoneInfo timezones = calendar.getTimezoneInfo();
		timezones.setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(zone), vtimezone(event)));
		// RFC 5545 cannot hold a double quote in a parameter at all (a CN of Ann "Ace" Lee); RFC 6868's
		// caret encoding can, and biweekly quotes a value with ; , : itself.
		return fold(Biweekly.write(calendar).caretEncoding(true).foldLines(false).go());
	}

	/**
	 * Folds each content line at 75 octets, as RFC 5545 asks (biweekly counts characters, and a line of
	 * Japanese is three times as long in UTF-8), never inside a character.
	 */
	static String fold(String ics) {
		StringBuilder folded = new StringBuilder(ics.length() + ics.length() / 20);
		for (String line : ics.split("\r\n")) {
			int octets = 0;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
				if (octets + size > 75) {
					folded.append("\r\n ");
					octets = 1;
				}
				folded.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			folded.append("\r\n");
		}
		return folded.toString();
	}

	/**
	 * A name as a {@code CN} parameter holds it: on one line, since a parameter has no line breaks, and
	 * without control characters, which no parameter may hold.
	 */
	static String name(String value) {
		if (value == null) {
			return null;
		}
		return CONTROLS.matcher(value).replaceAll(" ").replaceAll(" {2,}", " ").strip();
	}

	/**
	 * A text value (summary, description, location): line breaks kept as LF (biweekly escapes them, and
	 * semicolons, commas and backslashes too), other control characters dropped, since an iCalendar TEXT
	 * value may not hold them.
	 */
	static String text(String value) {
		if (value == null) {
			return null;
		}
		return CONTROLS_BUT_LINE_FEED.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
	}

	/**
	 * The zone's observances around the event, from Java's own zone rules: nothing is fetched from
	 * the network, and a one-off event needs only the offsets in force at its start and end.
	 */
	static VTimezone vtimezone(Event event) {
		ZoneId zone = event.start().getZone();
		ZoneRules rules = zone.getRules();
		VTimezone timezone = new VTimezone(zone.getId());
		Set<ZoneOffsetTransition> transitions = new LinkedHashSet<>();
		for (ZonedDateTime moment : List.of(event.start(), event.end())) {
			ZoneOffsetTransition previous = rules.previousTransition(moment.toInstant().plusSeconds(1));
			if (previous != null) {
				transitions.add(previous);
			}
		}
		if (transitions.isEmpty()) {
			ZoneOffset offset = rules.getOffset(event.start().toInstant());
			StandardTime standard = new StandardTime();
			standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
			standard.setTimezoneOffsetFrom(utcOffset(offset));
			standard.setTimezoneOffsetTo(utcOffset(offset));
			timezone.addStandardTime(standard);
			return timezone;
		}
		for (ZoneOffsetTransition transition : transitions) {
			LocalDateTime local = transition.getDateTimeAfter();
			DateTimeComponents start = new DateTimeComponents(local.getYear(), local.getMonthValue(),
					local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond(), false);
			if (rules.isDaylightSavings(transition.getInstant())) {
				DaylightSavingsTime daylight = new DaylightSavingsTime();
				daylight.setDateStart(start);
				daylight.setTimezoneOffsetFrom(utcOffset(transition.getOffsetBefore()));
				daylight.setTimezoneOffsetTo(utcOffset(transition.getOffsetAfter()));
				timezone.addDaylightSavingsTime(daylight);
			}
			else {
				StandardTime standard = new StandardTime();
				standard.setDateStart(start);
				standard.setTimezoneOffsetFrom(utcOffset(transition.getOffsetBefore()));
				standard.setTimezoneOffsetTo(utcOffset(transition.getOffsetAfter()));
				timezone.addStandardTime(standard);
			}
		}
		return timezone;
	}

	private static UtcOffset utcOffset(ZoneOffset offset) {
		return new UtcOffset(offset.getTotalSeconds() * 1000L);
	}

}
