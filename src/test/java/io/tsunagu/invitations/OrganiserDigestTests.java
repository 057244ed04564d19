package io.tsunagu.invitations;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.TsunaguTest;
import io.tsunagu.directory.EmployeeRef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisers hear of declines with a note and of promotions from the waitlist in one mail per event,
 * at most every hour, each in their own language; nothing is mailed twice, nothing is left out.
 */
@TsunaguTest
class OrganiserDigestTests extends InvitationTestBase {

	static final String EMILY = "emily.clark@tsunagu.example";

	@Autowired
	OrganiserDigests digests;

	@Test
	void declinesWithANoteAndPromotionsReachEveryOrganiserInOneMailAtMostHourly() {
		Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = this.events.aDraft("まとめて知らせる会 " + System.nanoTime(), 1, start, start.minus(7, ChronoUnit.DAYS));
		this.events.joinTeam(plan, EMILY);
		this.events.approve(plan);
		EmployeeRef david = person("david.lee@tsunagu.example");
		EmployeeRef yoko = person("yoko.nakamura@tsunagu.example");
		EmployeeRef aoi = person("aoi.okamoto@tsunagu.example");
		List<String> tokens = this.support.invite(plan, List.of(david, yoko, aoi));

		this.answers.answer(tokens.get(0), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(1), Answer.ATTENDING, null);
		this.answers.answer(tokens.get(0), Answer.DECLINED, "急な出張が入りました。次回はぜひ。");
		this.answers.answer(tokens.get(2), Answer.DECLINED, null);

		this.digests.mailDue();
		List<String> first = digestsTo(plan, organiser());
		assertThat(first).singleElement().satisfies(mail -> assertThat(mail).contains(david.name(), "急な出張が入りました。次回はぜひ。",
				"欠席と回答", yoko.name(), "キャンセル待ちから参加").doesNotContain(aoi.name()));
		assertThat(digestsTo(plan, EMILY)).as("in the co-organiser's language").singleElement()
			.satisfies(mail -> assertThat(mail).contains("declined, with a note", "got a seat from the waitlist"));

		this.answers.answer(tokens.get(1), Answer.DECLINED, "体調を崩しました");
		this.digests.mailDue();
		assertThat(digestsTo(plan, organiser())).as("not again within the hour").hasSize(1);

		this.jdbc.sql("UPDATE organiser_digests SET last_mailed_at = last_mailed_at - interval '61 minutes' WHERE plan_id = ?")
			.param(plan)
			.update();
		this.digests.mailDue();
		List<String> second = digestsTo(plan, organiser());
		assertThat(second).hasSize(2);
		assertThat(second.get(1)).contains(yoko.name(), "体調を崩しました").doesNotContain("急な出張");
		this.digests.mailDue();
		assertThat(digestsTo(plan, organiser())).as("everything was mailed once").hasSize(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM organiser_digest_entries WHERE plan_id = ? AND mailed_at IS NULL")
			.param(plan).query(Long.class).single()).isZero();
	}

	private String organiser() {
		return this.events.organiser().email();
	}

	private List<String> digestsTo(long plan, String recipient) {
		return this.jdbc.sql("""
				SELECT subject || '\n' || text_body FROM mail_outbox
				WHERE kind = 'organiser-digest' AND recipient = ? AND dedupe_key LIKE ? ORDER BY id""")
			.params(recipient, "organiser-digest-" + plan + "-%")
			.query(String.class)
			.list();
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

}
