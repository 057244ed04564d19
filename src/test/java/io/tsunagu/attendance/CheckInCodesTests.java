package io.tsunagu.attendance;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.tsunagu.TestSmtp;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.invitations.InvitationRemindersAccess;
import io.tsunagu.invitations.InvitationTestSupport;
import io.tsunagu.mail.MailDispatcherAccess;
import io.tsunagu.planning.ApprovedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Personal check-in codes, read back from the QR code as a phone's camera reads it: the answer page's
 * and the reminder's code opens a page naming the person for an organiser of the event, and one POST
 * checks them in; to anyone else, and for a code that is wrong or used up, it is the same bad link and
 * nothing changes. GET and HEAD never check in.
 */
class CheckInCodesTests extends AttendanceTestBase {

	private static final Pattern SECTION = Pattern.compile("<section.*?</section>", Pattern.DOTALL);

	@Autowired
	CheckInCodes codes;

	@Test
	void theAnswerPagesCodeChecksThePersonInForAnOrganiserAndDoesNothingForAnyoneElse() throws Exception {
		long plan = this.day.today("受付コードの会 " + System.nanoTime(), 30);
		EmployeeRef guest = guests(1).get(0);
		String token = InvitationTestSupport.from(this.context, this.events).invite(plan, List.of(guest)).get(0);
		String pendingPage = body(get("/rsvp/" + token), null);
		assertThat(pendingPage).as("no code before the answer").doesNotContain("<svg");
		this.mvc.perform(post("/rsvp/" + token).param("answer", "ATTENDING").with(csrf()));

		long issued = codesOf(plan);
		this.mvc.perform(head("/rsvp/" + token));
		assertThat(codesOf(plan)).as("a HEAD shows nothing and issues no code").isEqualTo(issued);
		String link = QrImages.readSvg(body(get("/rsvp/" + token), null));
		assertThat(link).matches("https://tsunagu\\.corp\\.example/check-in/[A-Za-z0-9_-]{22}").doesNotContain(token);
		long stored = codesOf(plan);
		assertThat(stored).as("the first view stores its code").isEqualTo(issued + 1);
		assertThat(QrImages.readSvg(body(get("/rsvp/" + token), null))).as("every view shows the same code")
			.isEqualTo(link);
		assertThat(codesOf(plan)).as("and stores it once").isEqualTo(stored);
		String code = URI.create(link).getPath();
		UserDetails organiser = login(ApprovedEvents.ORGANISER);
		String nowhere = badLinkPage(organiser);

		// Not logged in: sent to log in, as with any code; then the same as everyone who is not an organiser.
		for (String path : List.of(code, "/check-in/" + "A".repeat(22))) {
			assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
			assertThat(this.mvc.perform(post(path).with(csrf())).andReturn().getResponse().getRedirectedUrl())
				.endsWith("/login");
		}
		for (UserDetails other : List.of(login(UNRELATED), login(guest.email()), login("admin@tsunagu.example"))) {
			MvcResult seen = this.mvc.perform(get(code).with(user(other))).andReturn();
			assertThat(seen.getResponse().getStatus()).isEqualTo(404);
			assertThat(section(seen.getResponse().getContentAsString())).as(other.getUsername() + " learns nothing")
				.isEqualTo(nowhere)
				.doesNotContain(guest.name());
			MvcResult tried = this.mvc.perform(post(code).param("tapKey", UUID.randomUUID().toString()).with(csrf()).with(user(other)))
				.andReturn();
			assertThat(tried.getResponse().getStatus()).isEqualTo(404);
			assertThat(section(tried.getResponse().getContentAsString())).isEqualTo(nowhere);
		}
		assertThat(checkIns(plan)).as("nobody but an organiser changes anything").isZero();

		assertThat(this.mvc.perform(head(code).with(user(organiser))).andReturn().getResponse().getStatus()).isEqualTo(200);
		String scanned = body(get(code), organiser);
		assertThat(scanned).contains(guest.name(), "受付する");
		assertThat(checkIns(plan)).as("GET and HEAD check nobody in").isZero();

		UUID tap = UUID.randomUUID();
		for (int twice = 0; twice < 2; twice++) {
			MvcResult checkedIn = this.mvc.perform(post(code).param("tapKey", tap.toString()).with(csrf()).with(user(organiser)))
				.andReturn();
			assertThat(checkedIn.getResponse().getRedirectedUrl()).isEqualTo(code);
		}
		assertThat(this.jdbc.sql("SELECT employee_id, walk_in, checked_in_by FROM check_ins WHERE plan_id = ?")
			.param(plan)
			.query((rs, n) -> List.of(rs.getLong(1), rs.getBoolean(2), rs.getLong(3)))
			.list()).containsExactly(List.of(guest.id(), false, this.events.organiser().id()));
		assertThat(body(get(code), organiser)).contains(guest.name(), "受付済みです").doesNotContain("受付する</button>");
		// The co-organiser's phone opens the same code.
		assertThat(body(get(code), login(EventDay.CO_ORGANISER))).contains(guest.name(), "受付済みです");
	}

	@Test
	void theReminderTheDayBeforeCarriesTheCodeAsAnInlinePngByContentId() throws Exception {
		long plan = this.day.today("前日のお知らせの会 " + System.nanoTime(), 30);
		EmployeeRef guest = guests(2).get(1);
		String token = InvitationTestSupport.from(this.context, this.events).invite(plan, List.of(guest)).get(0);
		this.mvc.perform(post("/rsvp/" + token).param("answer", "ATTENDING").with(csrf()));
		MailDispatcherAccess dispatcher = new MailDispatcherAccess(this.context);
		dispatcher.dispatchDue();
		greenMail.purgeEmailFromAllMailboxes();

		assertThat(new InvitationRemindersAccess(this.context).remindDue()).isPositive();
		dispatcher.dispatchDue();
		MimeMessage reminder = List.of(greenMail.getReceivedMessages())
			.stream()
			.filter(m -> subject(m).startsWith("【明日開催】前日のお知らせの会"))
			.findFirst()
			.orElseThrow();
		String html = TestSmtp.text(reminder, "text/html");
		Matcher cid = Pattern.compile("src=\"cid:([^\"]+)\"").matcher(html);
		assertThat(cid.find()).as("the HTML shows a part by its Content-ID").isTrue();
		MimeBodyPart image = related(reminder, cid.group(1));
		assertThat(image.isMimeType("image/png")).isTrue();
		assertThat(image.getDisposition()).isEqualToIgnoringCase(Part.INLINE);
		assertThat(TestSmtp.text(reminder, "text/plain")).contains("受付用のQRコード");

		ByteArrayOutputStream png = new ByteArrayOutputStream();
		image.getInputStream().transferTo(png);
		// The built-in mailbox shows the same part where the HTML names it.
		long mail = this.jdbc.sql("SELECT id FROM mail_outbox WHERE kind = 'event-tomorrow' AND recipient = ? ORDER BY id DESC LIMIT 1")
			.param(guest.email())
			.query(Long.class)
			.single();
		UserDetails reader = login(guest.email());
		String shown = this.mvc.perform(get("/mailbox/" + mail + "/html").with(user(reader))).andReturn().getResponse()
			.getContentAsString();
		Matcher part = Pattern.compile("src=\"(/mailbox/" + mail + "/attachments/\\d+)\"").matcher(shown);
		assertThat(part.find()).as("the mailbox serves the part the HTML names").isTrue();
		assertThat(this.mvc.perform(get(part.group(1)).with(user(reader))).andReturn().getResponse().getContentAsByteArray())
			.isEqualTo(png.toByteArray());
		String code = URI.create(QrImages.read(png.toByteArray())).getPath();
		assertThat(this.mvc.perform(get(code).with(user(login(UNRELATED)))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		this.mvc.perform(post(code).with(csrf()).with(user(login(EventDay.CO_ORGANISER))));
		assertThat(this.jdbc.sql("SELECT employee_id FROM check_ins WHERE plan_id = ?").param(plan).query(Long.class).list())
			.containsExactly(guest.id());
	}

	@Test
	void aWrongOrUsedUpCodeGetsTheSamePageAsAnyBadLinkAndChangesNothing() throws Exception {
		UserDetails organiser = login(ApprovedEvents.ORGANISER);
		String nowhere = badLinkPage(organiser);
		EmployeeRef guest = guests(3).get(2);
		long over = this.day.today("終わった会 " + System.nanoTime(), 30);
		this.day.answered(over, List.of(guest.id()), "ATTENDING");
		String overCode = path(over, guest);
		this.day.movedToThePast(over, 60);
		long cancelled = this.day.today("中止になった会 " + System.nanoTime(), 30);
		String cancelledCode = path(cancelled, guest);
		this.events.cancel(cancelled);

		for (String code : List.of(overCode, cancelledCode, "/check-in/" + "x".repeat(22), "/check-in/short",
				"/check-in/" + "x".repeat(40))) {
			MvcResult seen = this.mvc.perform(get(code).with(user(organiser))).andReturn();
			assertThat(seen.getResponse().getStatus()).as(code).isEqualTo(404);
			assertThat(section(seen.getResponse().getContentAsString())).as(code).isEqualTo(nowhere);
			MvcResult tried = this.mvc.perform(post(code).with(csrf()).with(user(organiser))).andReturn();
			assertThat(tried.getResponse().getStatus()).as(code).isEqualTo(404);
		}
		assertThat(checkIns(over) + checkIns(cancelled)).isZero();
		assertThat(this.codes.issue(over, guest.id())).as("no new codes for an event whose check-in closed").isEmpty();
	}

	@Test
	void aCodeScannedBeforeTheCheckInOpensNamesThePersonButWaits() throws Exception {
		Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long plan = this.events.anApprovedEvent("来週の会 " + System.nanoTime(), 30, start, start.minus(2, ChronoUnit.DAYS));
		EmployeeRef guest = guests(1).get(0);
		String code = path(plan, guest);
		UserDetails organiser = login(ApprovedEvents.ORGANISER);

		assertThat(body(get(code).param("lang", "en"), organiser)).contains(guest.name(),
				"Check-in opens three hours before the event starts.", "disabled");
		MvcResult tried = this.mvc.perform(post(code).with(csrf()).with(user(organiser))).andReturn();
		assertThat(tried.getResponse().getRedirectedUrl()).isEqualTo(code);
		assertThat(tried.getFlashMap().get("flash")).isEqualTo("attendance.refused.tooEarly");
		assertThat(checkIns(plan)).isZero();
	}

	private long codesOf(long plan) {
		return this.jdbc.sql("SELECT count(*) FROM check_in_codes WHERE plan_id = ?").param(plan).query(Long.class).single();
	}

	private String path(long plan, EmployeeRef person) {
		return URI.create(this.codes.issue(plan, person.id()).orElseThrow().link()).getPath();
	}

	private String badLinkPage(UserDetails viewer) throws Exception {
		MvcResult result = this.mvc.perform(get("/check-in/" + "Z".repeat(22)).with(user(viewer))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		String section = section(result.getResponse().getContentAsString());
		assertThat(section).contains("このコードでは受付できません");
		return section;
	}

	private String body(MockHttpServletRequestBuilder request, UserDetails viewer) throws Exception {
		if (viewer != null) {
			request.with(user(viewer));
		}
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private static String section(String html) {
		Matcher section = SECTION.matcher(html);
		return section.find() ? section.group() : html;
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The part with this Content-ID, where a mail program looks for it: beside the HTML in a multipart/related. */
	private static MimeBodyPart related(Part part, String contentId) throws Exception {
		if (part.isMimeType("multipart/related")) {
			Multipart related = (Multipart) part.getContent();
			assertThat(related.getBodyPart(0).isMimeType("text/html")).as("the HTML comes first").isTrue();
			for (int i = 1; i < related.getCount(); i++) {
				BodyPart candidate = related.getBodyPart(i);
				if (("<" + contentId + ">").equals(((MimeBodyPart) candidate).getContentID())) {
					return (MimeBodyPart) candidate;
				}
			}
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				MimeBodyPart found = related(multipart.getBodyPart(i), contentId);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
