package io.tsunagu.invitations;

import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import org.junit.jupiter.api.Test;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;

import static org.assertj.core.api.Assertions.assertThat;

@TsunaguTest
class CancellationNoticesTests extends InvitationTestBase {

	@Test
	void tellsEveryoneStillExpectedAndTakesTheEntryOutOfTheirCalendar() throws Exception {
		long plan = this.events.anApprovedEvent("中止になる会 " + System.nanoTime(), 30);
		EmployeeRef coming = person("manager@tsunagu.example");
		EmployeeRef declined = person("david.lee@tsunagu.example");
		List<String> tokens = this.support.invite(plan, List.of(coming, declined));
		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(1), Answer.DECLINED, null);

		this.events.cancel(plan);

		assertThat(this.jdbc.sql("SELECT recipient FROM mail_outbox WHERE kind = 'event-cancelled' AND dedupe_key IN "
				+ "(SELECT 'event-cancelled-' || id FROM invitations WHERE plan_id = ?)")
			.param(plan)
			.query(String.class)
			.list()).containsExactly(coming.email());
		String subject = this.jdbc.sql("SELECT subject FROM mail_outbox WHERE kind = 'event-cancelled' AND recipient = ? "
				+ "ORDER BY id DESC LIMIT 1").param(coming.email()).query(String.class).single();
		assertThat(subject).startsWith("【中止】中止になる会");
		byte[] ics = this.jdbc.sql("""
				SELECT a.content FROM mail_attachments a JOIN mail_outbox m ON m.id = a.mail_id
				WHERE m.kind = 'event-cancelled' AND m.recipient = ? ORDER BY m.id DESC LIMIT 1""")
			.param(coming.email())
			.query(byte[].class)
			.single();
		ICalendar calendar = Biweekly.parse(new String(ics, java.nio.charset.StandardCharsets.UTF_8)).first();
		assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(calendar.getEvents().get(0).getUid().getValue()).startsWith("tsunagu-event-" + plan + "@");
		assertThat(calendar.getEvents().get(0).getSequence().getValue()).isEqualTo(1);
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

}
