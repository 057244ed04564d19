package io.tsunagu.invitations;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.tsunagu.TsunaguTest;
import io.tsunagu.audience.AudiencePreview;
import io.tsunagu.audience.Audiences;
import io.tsunagu.audience.Segment;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.directory.Rank;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second wave: after the personal wave, one announcement to a segment, leaving out everyone already
 * invited; each recipient gets a link of their own and learns how many already said yes, and how many of
 * them from their own department.
 */
@TsunaguTest
class BroadcastWaveTests extends InvitationTestBase {

	static final String ANNOUNCEMENT = "今年も部署を越えて集まります。初めての方も大歓迎です。";

	@Autowired
	Broadcasts broadcasts;

	@Autowired
	Audiences audiences;

	EmployeeRef organiser;

	EmployeeRef david;

	EmployeeRef manager;

	@BeforeEach
	void fixtures() {
		this.organiser = this.events.organiser();
		this.david = person("david.lee@tsunagu.example");
		this.manager = person("manager@tsunagu.example");
	}

	@Test
	void prefillsTheAudienceThatSuitsTheKindOfEvent() throws Exception {
		long cohort = this.events.anApprovedEvent("同期会 " + System.nanoTime(), 50);
		long trip = this.events.anApprovedEvent("社員旅行 " + System.nanoTime(), 50);
		long mixer = this.events.anApprovedEvent("交流会 " + System.nanoTime(), 50);
		kind(cohort, "COHORT_MEETUP");
		kind(trip, "COMPANY_TRIP");
		this.support.invite(cohort, List.of(this.david));
		this.support.invite(trip, List.of(this.david));

		int joined = this.organiser.joinYear();
		assertThat(form(cohort)).isEqualTo(new BroadcastForm(Set.of(), Set.of(), String.valueOf(joined - 3),
				String.valueOf(joined + 3), null, null));
		assertThat(form(trip)).isEqualTo(new BroadcastForm(Set.of(), Set.of(Rank.EXECUTIVE, Rank.OFFICER), null, null,
				null, null));
		assertThat(form(mixer)).isEqualTo(BroadcastForm.of(Segment.everyone()));

		Document page = html(get("/plans/{id}/invitations/broadcast", trip).with(organiserLogin()));
		assertThat(page.select("input[name=ranks][checked]").eachAttr("value")).containsExactly("EXECUTIVE", "OFFICER");
		assertThat(page.select("input[name=departments][checked]")).isEmpty();
		page = html(get("/plans/{id}/invitations/broadcast", cohort).with(organiserLogin()));
		assertThat(page.select("input[name=joinedFrom]").val()).isEqualTo(String.valueOf(joined - 3));
		assertThat(page.select("input[name=joinedTo]").val()).isEqualTo(String.valueOf(joined + 3));
	}

	@Test
	void leavesOutEveryoneInvitedAndTheOrganisersAndSendsExactlyThePreviewedCount() {
		long plan = this.events.anApprovedEvent("全社の会 " + System.nanoTime(), 500);
		this.support.invite(plan, List.of(this.david, this.manager));
		EmployeeRef emily = person("emily.clark@tsunagu.example");
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, emily.id());
		long everyone = this.audiences.preview(Segment.everyone(), List.of()).count();

		BroadcastForm form = BroadcastForm.of(Segment.everyone());
		AudiencePreview preview = this.broadcasts.preview(plan, this.organiser.id(), form).preview();
		assertThat(preview.count()).as("all but two invited, one on the list being written, and the organiser")
			.isEqualTo(everyone - 4);
		assertThat(preview.sample()).hasSize(10)
			.extracting(EmployeeRef::id)
			.doesNotContain(this.david.id(), this.manager.id(), emily.id(), this.organiser.id());

		int sent = this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER,
				announce(form, preview.count())).invited();

		assertThat(sent).isEqualTo(preview.count());
		assertThat(count("""
				SELECT count(*) FROM invitations i JOIN invitation_waves w ON w.id = i.wave_id
				WHERE i.plan_id = ? AND w.kind = 'BROADCAST' AND w.status = 'SENT' AND i.sent_at IS NOT NULL""", plan))
			.isEqualTo(preview.count());
		assertThat(count("SELECT count(DISTINCT l.token_hash) FROM invitation_links l JOIN invitations i "
				+ "ON i.id = l.invitation_id WHERE i.plan_id = ? AND i.wave_id = "
				+ "(SELECT max(id) FROM invitation_waves WHERE plan_id = ?)", plan, plan))
			.as("a link of their own each").isEqualTo(preview.count());
		assertThat(count("SELECT count(*) FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'announcement-' || i.id "
				+ "WHERE i.plan_id = ?", plan)).isEqualTo(preview.count());
		assertThat(count("SELECT count(*) FROM invitations WHERE plan_id = ? AND employee_id IN (?, ?, ?, ?)", plan,
				this.david.id(), this.manager.id(), emily.id(), this.organiser.id()))
			.as("nobody twice, and the organiser not at all").isEqualTo(3);
	}

	@Test
	void theMailCarriesTheAnnouncementTheLinkAndWhoAlreadySaidYesFromTheRecipientsDepartment() throws Exception {
		long plan = this.events.anApprovedEvent("秋の交流会 " + System.nanoTime(), 100);
		List<String> tokens = this.support.invite(plan, List.of(this.david, this.manager));
		tokens.forEach(token -> this.answers.answer(token, Answer.ATTENDING, null));

		BroadcastForm form = new BroadcastForm(Set.of("SALES", "PLAN"), Set.of(Rank.STAFF), null, null, null, null);
		long audience = this.broadcasts.preview(plan, this.organiser.id(), form).preview().count();
		this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER, announce(form, audience));

		EmployeeRef salesStaff = this.audiences.members(new Segment(Set.of("SALES"), Set.of(Rank.STAFF), null, null), List.of())
			.stream()
			.filter(e -> !e.email().equals(ApprovedEvents.ORGANISER))
			.findFirst()
			.orElseThrow();
		String japanese = announcementTo(plan, salesStaff);
		assertThat(japanese).contains(ANNOUNCEMENT, "すでに2人が参加を表明しています（うち営業部から1人）", "秋の交流会",
				this.organiser.name());
		String link = link(japanese);
		this.mvc.perform(get("/rsvp/{t}", link).with(client()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ANNOUNCEMENT)))
			.andExpect(content().string(containsString("現在の参加者：2人（うち営業部から1人）")));

		String english = announcementTo(plan, person("emily.clark@tsunagu.example"));
		assertThat(english).contains(ANNOUNCEMENT, "2 colleagues have already said yes, nobody from Planning & Development yet: you could be the first.",
				"/rsvp/");
		assertThat(count("""
				SELECT count(*) FROM mail_attachments a JOIN mail_outbox o ON o.id = a.mail_id
				WHERE o.recipient = ? AND o.kind = 'announcement' AND a.content_type LIKE 'text/calendar%method=REQUEST'
				AND o.dedupe_key IN (SELECT 'announcement-' || id FROM invitations WHERE plan_id = ?)""", salesStaff.email(), plan))
			.isEqualTo(1);
	}

	@Test
	void aLaterBroadcastToMoreDepartmentsReachesOnlyThoseNotYetInvitedAndThePageShowsBoth() throws Exception {
		long plan = this.events.anApprovedEvent("二度目の案内の会 " + System.nanoTime(), 300);
		this.support.invite(plan, List.of(this.david));
		BroadcastForm accounting = new BroadcastForm(Set.of("ACCT"), Set.of(), null, null, null, null);
		long first = this.broadcasts.preview(plan, this.organiser.id(), accounting).preview().count();
		this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER, announce(accounting, first));

		BroadcastForm wider = new BroadcastForm(Set.of("ACCT", "PR"), Set.of(), null, null, null, null);
		long second = this.broadcasts.preview(plan, this.organiser.id(), wider).preview().count();
		assertThat(second).isEqualTo(this.audiences.preview(new Segment(Set.of("PR"), Set.of(), null, null), List.of()).count());
		this.mvc.perform(post("/plans/{id}/invitations/broadcast", plan).param("send", "true").param("departments", "ACCT", "PR")
				.param("message", "広報部の皆さんもどうぞ。").param("expected", String.valueOf(second))
				.with(organiserLogin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flash", "broadcast.sent"));

		this.mvc.perform(get("/plans/{id}/invitations/broadcast", plan).param("lang", "en").with(organiserLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Announcements sent (2)")))
			.andExpect(content().string(containsString("Accounting, Public Relations")))
			.andExpect(content().string(containsString("広報部の皆さんもどうぞ。")))
			.andExpect(content().string(containsString(ANNOUNCEMENT)));
		this.mvc.perform(get("/plans/{id}/invitations", plan).param("lang", "en").with(organiserLogin()))
			.andExpect(content().string(containsString("Personal, sent")))
			.andExpect(content().string(containsString("Announcement, sent")));
		assertThat(this.waves.page(plan, this.organiser.id(), null, null).funnel())
			.extracting(WaveFunnel::kind, WaveFunnel::invited)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(InvitationWave.Kind.PERSONAL, 1L),
					org.assertj.core.groups.Tuple.tuple(InvitationWave.Kind.BROADCAST, first),
					org.assertj.core.groups.Tuple.tuple(InvitationWave.Kind.BROADCAST, second));
	}

	@Test
	void refusesBeforeThePersonalWaveWithAClearMessageAndChangesNothing() throws Exception {
		long plan = this.events.anApprovedEvent("個別が先の会 " + System.nanoTime(), 30);
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, this.david.id());
		BroadcastForm form = BroadcastForm.of(Segment.everyone());
		assertRefused("broadcast.refused.personalFirst", () -> this.broadcasts.preview(plan, this.organiser.id(), form));
		assertRefused("broadcast.refused.personalFirst",
				() -> this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER, announce(form, 150L)));

		this.mvc.perform(get("/plans/{id}/invitations/broadcast", plan).with(organiserLogin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("全体案内は個別招待のあとに送れます")))
			.andExpect(content().string(not(containsString("id=\"broadcast-form\""))));
		assertNothingBroadcast(plan);
	}

	@Test
	void refusesBeforeApproval() {
		java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(30));
		long draft = this.events.aDraft("未承認の案内 " + System.nanoTime(), 20, start, start.minus(java.time.Duration.ofDays(3)));
		BroadcastForm form = BroadcastForm.of(Segment.everyone());
		assertRefused("invitations.refused.notApproved", () -> this.broadcasts.preview(draft, this.organiser.id(), form));
		assertRefused("invitations.refused.notApproved",
				() -> this.broadcasts.send(draft, this.organiser.id(), ApprovedEvents.ORGANISER, announce(form, 150L)));
		assertNothingBroadcast(draft);
	}

	@Test
	void refusesAnEmptyAudienceAMissingMessageBackwardYearsAndAChangedAudienceChangingNothing() throws Exception {
		long plan = this.events.anApprovedEvent("断られる案内の会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david));
		BroadcastForm nobody = new BroadcastForm(Set.of(), Set.of(), "1950", "1951", ANNOUNCEMENT, 1L);
		assertThat(this.broadcasts.preview(plan, this.organiser.id(), nobody).preview().count()).isZero();
		assertRefused("broadcast.refused.nobody",
				() -> this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER, nobody));

		BroadcastForm sales = new BroadcastForm(Set.of("SALES"), Set.of(), null, null, null, null);
		long audience = this.broadcasts.preview(plan, this.organiser.id(), sales).preview().count();
		for (String blank : new String[] { null, "", "  \n " }) {
			assertRefused("broadcast.refused.noMessage", () -> this.broadcasts.send(plan, this.organiser.id(),
					ApprovedEvents.ORGANISER, new BroadcastForm(Set.of("SALES"), Set.of(), null, null, blank, audience)));
		}
		assertRefused("broadcast.refused.tooLong", () -> this.broadcasts.send(plan, this.organiser.id(),
				ApprovedEvents.ORGANISER, new BroadcastForm(Set.of("SALES"), Set.of(), null, null, "あ".repeat(2001), audience)));
		assertRefused("broadcast.refused.department", () -> this.broadcasts.preview(plan, this.organiser.id(),
				new BroadcastForm(Set.of("NO-SUCH-DEPARTMENT-" + "X".repeat(40)), Set.of(), null, null, null, null)));
		assertRefused("broadcast.refused.years", () -> this.broadcasts.preview(plan, this.organiser.id(),
				new BroadcastForm(Set.of(), Set.of(), "2020", "2010", null, null)));
		assertRefused("broadcast.refused.years", () -> this.broadcasts.preview(plan, this.organiser.id(),
				new BroadcastForm(Set.of(), Set.of(), "平成", null, null, null)));

		EmployeeRef salesPerson = this.audiences.members(new Segment(Set.of("SALES"), Set.of(Rank.STAFF), null, null), List.of())
			.get(0);
		this.waves.add(plan, this.organiser.id(), ApprovedEvents.ORGANISER, salesPerson.id());
		assertRefused("broadcast.refused.changed",
				() -> this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER, announce(sales, audience)));

		Document refused = html(post("/plans/{id}/invitations/broadcast", plan).param("send", "true").param("departments", "SALES")
				.param("message", " ").param("expected", String.valueOf(audience - 1)).with(organiserLogin()).with(csrf()));
		assertThat(refused.select("[role=status]").text()).contains("案内文を書いてください。");
		assertThat(refused.select("input[name=departments][checked]").eachAttr("value")).containsExactly("SALES");
		this.mvc.perform(post("/plans/{id}/invitations/broadcast", plan).param("joinedFrom", "2020").param("joinedTo", "2010")
				.param("message", ANNOUNCEMENT).param("lang", "en").with(organiserLogin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the first cannot be after the second")))
			.andExpect(content().string(containsString(ANNOUNCEMENT)));
		assertNothingBroadcast(plan);
	}

	@Test
	void twoOrganisersAnnouncingAtOnceReachEachPersonOnceAndTheSecondIsToldWhy() throws Exception {
		long plan = this.events.anApprovedEvent("同時に案内する会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david));
		BroadcastForm sales = new BroadcastForm(Set.of("SALES"), Set.of(), null, null, null, null);
		long audience = this.broadcasts.preview(plan, this.organiser.id(), sales).preview().count();
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.CompletableFuture<Object>> sends = java.util.stream.IntStream.range(0, 2)
			.mapToObj(n -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
					return (Object) this.broadcasts.send(plan, this.organiser.id(), ApprovedEvents.ORGANISER,
							announce(sales, audience)).invited();
				}
				catch (InvitationRefused refused) {
					return refused.messageKey();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}))
			.toList();
		go.countDown();

		assertThat(sends.stream().map(java.util.concurrent.CompletableFuture::join).toList())
			.containsExactlyInAnyOrder((int) audience, "broadcast.refused.nobody");
		assertThat(count("SELECT count(*) FROM invitations WHERE plan_id = ?", plan)).isEqualTo(audience + 1);
	}

	@Test
	void thePreviewShowsTheCountSampleNamesWithDepartmentsAndASendButtonThatConfirmsTheCount() throws Exception {
		long plan = this.events.anApprovedEvent("プレビューの会 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david));
		AudiencePreview pr = this.audiences.preview(new Segment(Set.of("PR"), Set.of(), null, null), List.of());
		long audience = pr.count();
		this.mvc.perform(post("/plans/{id}/invitations/broadcast", plan).param("departments", "PR").param("message", ANNOUNCEMENT)
				.with(organiserLogin()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("対象：" + audience + "人")))
			.andExpect(content().string(containsString(pr.sample().get(0).name())))
			.andExpect(content().string(containsString("data-confirm=\"" + audience + "人に全体案内を送ります。")))
			.andExpect(content().string(containsString("name=\"expected\" value=\"" + audience + "\"")));
		this.mvc.perform(post("/plans/{id}/invitations/broadcast", plan).param("departments", "PR").with(organiserLogin()).with(csrf()))
			.andExpect(content().string(containsString("対象：" + audience + "人")))
			.andExpect(content().string(containsString("案内文を書いてから、もう一度対象者を確認してください")))
			.andExpect(content().string(not(containsString("id=\"send-broadcast\""))));
		assertNothingBroadcast(plan);
	}

	@Test
	void onlyOrganisersSeeAndSendTheBroadcast() throws Exception {
		long plan = this.events.anApprovedEvent("幹事だけの案内 " + System.nanoTime(), 30);
		this.support.invite(plan, List.of(this.david));
		RequestPostProcessor other = user(this.users.loadUserByUsername(this.david.email()));
		this.mvc.perform(get("/plans/{id}/invitations/broadcast", plan).with(other)).andExpect(status().isNotFound());
		this.mvc.perform(post("/plans/{id}/invitations/broadcast", plan).param("departments", "PR").with(other).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/plans/{id}/invitations/broadcast", plan).param("send", "true").param("departments", "PR")
				.param("message", ANNOUNCEMENT).param("expected", "12").with(other).with(csrf()))
			.andExpect(status().isNotFound());
		assertNothingBroadcast(plan);
	}

	@Test
	void refusesAnAnnouncementWithControlCharactersKeepingTheFormAndSendingNothing() throws Exception {
		long plan = this.events.anApprovedEvent("制御文字の会 " + System.nanoTime(), 100);
		this.support.invite(plan, List.of(this.david));
		long audience = this.broadcasts.preview(plan, this.organiser.id(), new BroadcastForm(Set.of("PR"), Set.of(),
				null, null, null, null)).preview().count();
		Document page = html(post("/plans/{id}/invitations/broadcast", plan).param("send", "true")
			.param("departments", "PR")
			.param("message", ANNOUNCEMENT + "\u0007")
			.param("expected", String.valueOf(audience))
			.with(organiserLogin())
			.with(csrf()));
		assertThat(page.select(".alert-warning").text()).contains("保存できない制御文字");
		assertThat(page.select("input[name=departments][checked]").eachAttr("value")).containsExactly("PR");
		assertNothingBroadcast(plan);
		page = html(post("/plans/{id}/invitations/broadcast", plan).param("departments", "PR")
			.param("expected", "many")
			.param("message", ANNOUNCEMENT)
			.param("lang", "en")
			.with(organiserLogin())
			.with(csrf()));
		assertThat(page.select(".alert-warning").text()).contains("Enter a whole number").doesNotContain("Failed to convert");
		assertThat(page.select("textarea[name=message]").text()).isEqualTo(ANNOUNCEMENT);
		assertNothingBroadcast(plan);
	}

	private Document html(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private BroadcastForm form(long plan) {
		return this.broadcasts.page(plan, this.organiser.id()).form();
	}

	private static BroadcastForm announce(BroadcastForm form, long expected) {
		return new BroadcastForm(form.departments(), form.ranks(), form.joinedFrom(), form.joinedTo(), ANNOUNCEMENT,
				expected);
	}

	private String announcementTo(long plan, EmployeeRef recipient) {
		return this.jdbc.sql("""
				SELECT o.text_body FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'announcement-' || i.id
				WHERE i.plan_id = ? AND i.employee_id = ?""").params(plan, recipient.id()).query(String.class).single();
	}

	private static String link(String mail) {
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/rsvp/([A-Za-z0-9_-]{43})").matcher(mail);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private void assertNothingBroadcast(long plan) {
		assertThat(count("SELECT count(*) FROM invitation_waves WHERE plan_id = ? AND kind = 'BROADCAST'", plan)).isZero();
		assertThat(count("SELECT count(*) FROM mail_outbox o JOIN invitations i ON o.dedupe_key = 'announcement-' || i.id "
				+ "WHERE i.plan_id = ?", plan)).isZero();
	}

	private static void assertRefused(String key, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatExceptionOfType(InvitationRefused.class).isThrownBy(call)
			.extracting(InvitationRefused::messageKey)
			.isEqualTo(key);
	}

	private void kind(long plan, String kind) {
		this.jdbc.sql("UPDATE event_plans SET kind = ? WHERE id = ?").params(kind, plan).update();
	}

	private RequestPostProcessor organiserLogin() {
		return user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER));
	}

	// The answer pages come from an address of their own, so that no other test's bad links throttle them.
	private static RequestPostProcessor client() {
		return request -> {
			request.setRemoteAddr("10.5.0.7");
			return request;
		};
	}

	private EmployeeRef person(String email) {
		return this.directory.findByEmail(email).orElseThrow();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
