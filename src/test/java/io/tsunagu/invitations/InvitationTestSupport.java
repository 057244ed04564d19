package io.tsunagu.invitations;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.planning.ApprovedEvents;

/**
 * Sends personal invitations through the service and reads the answer links back from the outbox, as
 * an invitee reads them from the mail.
 */
public final class InvitationTestSupport {

	private static final Pattern LINK = Pattern.compile("/rsvp/([A-Za-z0-9_-]{43})");

	private final InvitationWaves waves;

	private final ApprovedEvents events;

	private final JdbcClient jdbc;

	InvitationTestSupport(InvitationWaves waves, ApprovedEvents events, JdbcClient jdbc) {
		this.waves = waves;
		this.events = events;
		this.jdbc = jdbc;
	}

	/** For tests outside this module, which cannot name its services. */
	public static InvitationTestSupport from(BeanFactory beans, ApprovedEvents events) {
		return new InvitationTestSupport(beans.getBean(InvitationWaves.class), events, beans.getBean(JdbcClient.class));
	}

	/** Invites each person with a message of their own and sends the wave; returns each one's link token. */
	public List<String> invite(long planId, List<EmployeeRef> people) {
		long organiser = this.events.organiser().id();
		for (EmployeeRef person : people) {
			this.waves.add(planId, organiser, ApprovedEvents.ORGANISER, person.id());
		}
		List<Long> ids = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND sent_at IS NULL ORDER BY id")
			.param(planId)
			.query(Long.class)
			.list();
		for (int i = 0; i < ids.size(); i++) {
			this.waves.write(planId, ids.get(i), organiser, people.get(i).name()
					+ "さん、先日の新人研修では資料づくりを丁寧に手伝ってくださりありがとうございました。お礼を兼ねてぜひ来てください。（" + i + "）");
		}
		this.waves.send(planId, organiser, ApprovedEvents.ORGANISER);
		return people.stream().map(p -> tokenMailedTo(planId, p)).toList();
	}

	String tokenMailedTo(long planId, EmployeeRef person) {
		long invitationId = this.jdbc.sql("SELECT id FROM invitations WHERE plan_id = ? AND employee_id = ?")
			.params(planId, person.id())
			.query(Long.class)
			.single();
		String body = this.jdbc.sql("SELECT text_body FROM mail_outbox WHERE dedupe_key = ?")
			.param("invitation-" + invitationId)
			.query(String.class)
			.single();
		Matcher link = LINK.matcher(body);
		if (!link.find()) {
			throw new IllegalStateException("No answer link in the invitation mail");
		}
		return link.group(1);
	}

}
