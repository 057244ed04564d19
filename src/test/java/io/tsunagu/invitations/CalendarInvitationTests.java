package io.tsunagu.invitations;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarInvitationTests {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static CalendarInvitation.Event event(int sequence, ZonedDateTime start) {
		return new CalendarInvitation.Event(42, "2016年入社 同期会", "久しぶりに集まりましょう", start, start.plusHours(2),
				"本社 8F ラウンジ", "https://tsunagu.corp.example/rsvp/x", sequence, "佐藤 美咲", "no-reply@tsunagu.corp.example");
	}

	@Test
	void writesARequestThatCalendarsReadBack() {
		ZonedDateTime start = ZonedDateTime.of(2026, 12, 18, 19, 0, 0, 0, TOKYO);
		String ics = CalendarInvitation.request(event(0, start), "tsunagu.corp.example", "伊藤 大輔", "manager@tsunagu.example");

		assertThat(ics).contains("METHOD:REQUEST").contains("DTSTART;TZID=Asia/Tokyo:20261218T190000")
			.contains("BEGIN:VTIMEZONE").contains("TZOFFSETTO:+0900");
		ICalendar calendar = Biweekly.parse(ics).first();
		assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
		VEvent parsed = calendar.getEvents().get(0);
		assertThat(parsed.getUid().getValue()).isEqualTo("tsunagu-event-42@tsunagu.corp.example");
		assertThat(parsed.getSequence().getValue()).isZero();
		assertThat(parsed.getDateStart().getValue().toInstant()).isEqualTo(start.toInstant());
		assertThat(parsed.getDateEnd().getValue().toInstant()).isEqualTo(start.plusHours(2).toInstant());
		assertThat(parsed.getOrganizer().getEmail()).isEqualTo("no-reply@tsunagu.corp.example");
		assertThat(parsed.getOrganizer().getCommonName()).isEqualTo("佐藤 美咲");
		assertThat(parsed.getAttendees()).singleElement().satisfies(attendee -> {
			assertThat(attendee.getEmail()).isEqualTo("manager@tsunagu.example");
			assertThat(attendee.getRsvp()).as("answers go by the link, so no reply is asked for").isFalse();
			assertThat(attendee.getParticipationStatus()).isNull();
		});
		assertThat(ics).doesNotContain("RSVP=TRUE", "NEEDS-ACTION");
		assertThat(parsed.getUrl().getValue()).isEqualTo("https://tsunagu.corp.example/rsvp/x");
		assertThat(parsed.getSummary().getValue()).isEqualTo("2016年入社 同期会");
		assertThat(parsed.getLocation().getValue()).isEqualTo("本社 8F ラウンジ");
	}

	@Test
	void namesAndTextWithQuotesSeparatorsLineBreaksEmojiAndThousandsOfCharactersReadBack() {
		ZonedDateTime start = ZonedDateTime.of(2026, 12, 18, 19, 0, 0, 0, TOKYO);
		String title = "\"乾杯\"; 会, 議: \\ 🎉";
		String description = ("\"引用\" ; , : \\ 改行\n絵文字🎉 ").repeat(100).substring(0, 2000);
		String organiser = "佐藤 \"Misaki\" 美咲; PR, Tokyo: \\ ^ 🎉";
		CalendarInvitation.Event event = new CalendarInvitation.Event(7, title, description, start, start.plusHours(2),
				"本社; 8F, \"ラウンジ\": \\", null, 0, organiser, "organiser@tsunagu.example");
		String ics = CalendarInvitation.request(event, "d.example", "Ann \"Ace\" O'Neil;, : \\\r\nsecond 🎉",
				"ann@d.example");

		VEvent parsed = Biweekly.parse(ics).first().getEvents().get(0);
		assertThat(parsed.getAttendees().get(0).getCommonName()).isEqualTo("Ann \"Ace\" O'Neil;, : \\ second 🎉");
		assertThat(parsed.getOrganizer().getCommonName()).isEqualTo(organiser);
		assertThat(parsed.getSummary().getValue()).isEqualTo(title);
		assertThat(parsed.getDescription().getValue()).isEqualTo(description);
		assertThat(parsed.getLocation().getValue()).isEqualTo("本社; 8F, \"ラウンジ\": \\");
		assertThat(ics.split("\r\n")).as("folded lines of at most 75 octets")
			.allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
	}

	@Test
	void aChangeKeepsTheUidAndRaisesTheSequence() {
		ZonedDateTime start = ZonedDateTime.of(2026, 12, 18, 19, 0, 0, 0, TOKYO);
		VEvent first = Biweekly.parse(CalendarInvitation.request(event(0, start), "d.example", "A", "a@d.example"))
			.first().getEvents().get(0);
		VEvent moved = Biweekly
			.parse(CalendarInvitation.request(event(1, start.plusDays(1)), "d.example", "A", "a@d.example"))
			.first().getEvents().get(0);
		assertThat(moved.getUid().getValue()).isEqualTo(first.getUid().getValue());
		assertThat(moved.getSequence().getValue()).isEqualTo(1);
		assertThat(moved.getDateStart().getValue().toInstant()).isEqualTo(start.plusDays(1).toInstant());
	}

	@Test
	void writesACancellation() {
		ZonedDateTime start = ZonedDateTime.of(2026, 12, 18, 19, 0, 0, 0, TOKYO);
		ICalendar calendar = Biweekly
			.parse(CalendarInvitation.cancel(event(2, start), "d.example", "A", "a@d.example")).first();
		assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(calendar.getEvents().get(0).getStatus().getValue()).isEqualTo("CANCELLED");
		assertThat(calendar.getEvents().get(0).getSequence().getValue()).isEqualTo(2);
	}

	@Test
	void describesDaylightSavingZonesFromJavasRules() {
		ZonedDateTime start = ZonedDateTime.of(2026, 7, 1, 18, 0, 0, 0, ZoneId.of("Europe/London"));
		String ics = CalendarInvitation.request(event(0, start), "d.example", "A", "a@d.example");
		assertThat(ics).contains("BEGIN:DAYLIGHT").contains("TZOFFSETTO:+0100").contains("DTSTART;TZID=Europe/London:20260701T180000");
		assertThat(Biweekly.parse(ics).first().getEvents().get(0).getDateStart().getValue().toInstant())
			.isEqualTo(start.toInstant());
	}

}
