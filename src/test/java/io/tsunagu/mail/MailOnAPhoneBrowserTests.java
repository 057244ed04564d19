package io.tsunagu.mail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;

import io.tsunagu.TsunaguTest;
import io.tsunagu.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mail, rendered by the application's own renderer in Japanese and English, read in headless Chromium
 * at phone widths: no label or value squeezed to a character or two per line, nothing wider than the
 * screen, no row of side-by-side cells (which Outlook and narrow screens squeeze), buttons wide enough to
 * tap. A new mail template without an example here fails the test.
 */
@TsunaguTest
class MailOnAPhoneBrowserTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates/mail");

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/**
	 * What the page reports: each text squeezed to fewer than three characters per line or narrower than two
	 * characters, each table row with cells side by side, buttons narrower than a thumb.
	 */
	private static final String PROBLEMS = """
			const problems = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) {
			  const node = walker.currentNode;
			  const characters = [...node.textContent.replace(/\\s+/g, '')].length;
			  if (characters < 2) continue;
			  const range = document.createRange();
			  range.selectNodeContents(node);
			  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
			  const element = node.parentElement;
			  const fontSize = parseFloat(getComputedStyle(element).fontSize);
			  const text = node.textContent.trim().slice(0, 30);
			  if (lines > 1 && characters / lines < 3) problems.push(lines + ' lines for ' + characters + ' characters: ' + text);
			  if (element.getBoundingClientRect().width < 2 * fontSize) problems.push('narrower than two characters: ' + text);
			}
			for (const row of document.querySelectorAll('tr')) {
			  if (row.cells.length > 1) problems.push('cells side by side: ' + row.textContent.trim().slice(0, 30));
			}
			for (const link of document.querySelectorAll('td > a')) {
			  const box = link.getBoundingClientRect();
			  if (box.height < 44 || box.width < Math.min(260, document.documentElement.clientWidth - 80)) problems.push('button too small to tap: ' + link.textContent);
			}
			if (document.documentElement.scrollWidth > window.innerWidth) problems.push('wider than the window: ' + document.documentElement.scrollWidth);
			return problems;
			""";

	private static Browser browser;

	@Autowired
	MailRenderer renderer;

	@BeforeAll
	static void openBrowser() {
		browser = new Browser(0);
	}

	@AfterAll
	static void closeBrowser() {
		browser.close();
	}

	@Test
	void everyMailReadsWellOnAPhoneInJapaneseAndEnglish() throws IOException {
		Map<String, Map<String, Object>> examples = examples();
		List<String> kinds = mailKinds();
		assertThat(examples.keySet()).as("an example for every mail template, and only for those")
			.containsExactlyInAnyOrderElementsOf(kinds);
		Path previews = Files.createDirectories(Path.of("target", "mail-previews"));
		List<String> problems = new ArrayList<>();
		for (String kind : kinds) {
			for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
				MailRequest request = MailRequest.of("misaki.sato@tsunagu.example", "佐藤 美咲", locale, kind,
						examples.get(kind), new Object[] { "2016年入社 同期会 〜 十年目の再会と、これからの十年 〜" }, null);
				Path file = previews.resolve(kind + "-" + locale.getLanguage() + ".html");
				Files.writeString(file, this.renderer.render(request).html(), StandardCharsets.UTF_8);
				for (int width : new int[] { 320, 360 }) {
					browser.driver().manage().window().setSize(new Dimension(width, 900));
					browser.driver().get(file.toUri().toString());
					@SuppressWarnings("unchecked")
					List<String> found = (List<String>) browser.js(PROBLEMS);
					found.forEach(problem -> problems.add(kind + " (" + locale.getLanguage() + ", " + width + " px): " + problem));
				}
				long height = (Long) browser.js("return document.documentElement.scrollHeight;");
				browser.driver().manage().window().setSize(new Dimension(360, (int) Math.min(height + 40, 4000)));
				browser.screenshot("mail-" + kind + "-" + locale.getLanguage() + "-360");
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The mails: templates that use the mail layout, as the outbox renders them by kind. */
	private static List<String> mailKinds() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			return files.filter(file -> file.toString().endsWith(".html"))
				.filter(file -> read(file).contains("mail/layout :: layout"))
				.map(file -> file.getFileName().toString().replace(".html", ""))
				.sorted()
				.toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * A model for each kind of mail, shaped as its sender builds it, with long Japanese values: a long title
	 * and purpose, an online link that is one long word, two organisers.
	 */
	private static Map<String, Map<String, Object>> examples() {
		String title = "2016年入社 同期会 〜 十年目の再会と、これからの十年 〜";
		ZonedDateTime start = ZonedDateTime.of(2027, 1, 22, 19, 0, 0, 0, TOKYO);
		Map<String, Object> event = new HashMap<>();
		event.put("planTitle", title);
		event.put("purpose", "入社して十年。部署がばらばらになった同期が、いまどこで何をしているかを知り、"
				+ "困ったときに頼れる顔を増やすための会です。\n二次会は任意です。");
		event.put("startsAt", start);
		event.put("endsAt", start.plusHours(2));
		event.put("rsvpDeadline", start.minusDays(7).withHour(18));
		event.put("venue", "本社 8F ラウンジ（エレベーターを降りて右手、受付の奥）");
		event.put("onlineLink", "https://meet.tsunagu.example/j/8f-lounge-2016-cohort-reunion-0122-aBcDeFgHiJkLmNoP");
		event.put("organisers", List.of("佐藤 美咲", "伊藤 剛", "Emily Clark"));
		event.put("lead", "佐藤 美咲");
		event.put("token", "Qk3mZ8y1vX0aB2cD4eF6gH8iJ0kL2mN4oP6qR8sT0uV");
		event.put("lang", "ja");
		Map<String, Object> plan = Map.of("planId", 42L, "planTitle", title, "round", 1, "leadName", "佐藤 美咲");
		String comment = "予算の内訳（会場費と飲食費）を分けて書いてください。\n役員の参加予定も確認をお願いします。";
		Map<String, Map<String, Object>> examples = new HashMap<>();
		examples.put("announcement", with(event, "message",
				"今年も同期会を開きます。久しぶりの人も、はじめて話す人も、気軽にどうぞ。", "attending", 12,
				"fromDepartment", 3, "department", "企画・開発部"));
		// The approver reads the plan's summary in the mail, as the invitee reads the event.
		Map<String, Object> summary = with(event, "summary", true, "stepId", 7L, "capacity", 60, "budgetYen", 120_000);
		summary.putAll(plan);
		examples.put("approval-reminder", with(summary, "role", "OFFICER", "days", 3L));
		examples.put("approval-request", with(summary, "role", "EXECUTIVE"));
		examples.put("decline-reply", Map.of("reply", "ご連絡ありがとうございます。また近いうちにランチでも行きましょう。",
				"organiserName", "佐藤 美咲", "planTitle", title));
		examples.put("event-cancelled", event);
		examples.put("event-changed", with(event, "previousStartsAt", start.minusDays(1), "previousEndsAt",
				start.minusDays(1).plusHours(2), "timeChanged", true, "previousVenue", "本社 3F 大会議室",
				"previousOnlineLink", "", "answer", "ATTENDING"));
		// The attendee's check-in code is a part of the mail shown by its Content-ID; a file has no parts, so
		// the preview carries the image itself.
		examples.put("event-tomorrow", with(event, "checkInImage", qrCode("https://tsunagu.example/check-in/Qk3mZ8y1vX0aB2cD4eF6gH")));
		examples.put("invitation", with(event, "message",
				"美咲です。去年の新製品発表で、夜遅くまで資料の数字を一緒に確かめてくれたこと、今も感謝しています。"
						+ "\nぜひ来てください。"));
		examples.put("password-link", Map.of("path", "/password/Qk3mZ8y1vX0aB2cD4eF6gH8iJ0kL2mN4oP6qR8sT0uV",
				"minutes", 60L));
		examples.put("plan-approved", with(plan, "directions",
				List.of(Map.of("role", "EXECUTIVE", "name", "山本 健一", "text", "家族も参加できる形にしてください。"),
						Map.of("role", "OFFICER", "name", "中村 陽子", "text", "他部署の若手にも声をかけてください。")),
				"approverName", "岡本 葵", "role", "MANAGER", "comment", ""));
		examples.put("plan-changes-requested",
				with(plan, "directions", List.of(), "approverName", "中村 陽子", "role", "OFFICER", "comment", comment));
		examples.put("plan-rejected",
				with(plan, "directions", List.of(), "approverName", "山本 健一", "role", "EXECUTIVE", "comment", comment));
		examples.put("rsvp-promoted", event);
		examples.put("rsvp-reminder", event);
		examples.put("rsvp-waitlisted", event);
		examples.put("task-assigned", with(plan, "taskTitle", "会場の下見と予約（二次会の候補も）", "dueOn",
				LocalDate.of(2027, 1, 8), "notes", "営業部の伊藤さんが詳しいので相談してください。"));
		examples.put("organiser-digest", with(plan, "entries", List.of(
				Map.of("kind", "DECLINED", "name", "伊藤 剛", "note", "その週は福岡に出張です。次の回はぜひ参加させてください。"),
				with(Map.of("kind", "PROMOTED", "name", "Emily Clark"), "note", null))));
		examples.put("team-joined", plan);
		examples.put("team-member-joined", with(plan, "memberName", "伊藤 剛"));
		examples.put("team-proposal", plan);
		examples.put("test-message", Map.of());
		examples.put("thank-you", Map.of("message", "伊藤さん、当日の受付を一手に引き受けてくださって本当に助かりました。"
				+ "営業部の皆さんに声をかけてくれたおかげで、初めて話す人同士がたくさんつながりました。", "planTitle", title,
				"senderName", "佐藤 美咲"));
		examples.put("thank-you-note", Map.of("message",
				"当日の写真をここに置きました: https://photos.tsunagu.example/albums/2016-cohort-reunion-0122-aBcDeFgHiJkLmNoP",
				"planTitle", title, "senderName", "佐藤 美咲"));
		return examples;
	}

	/** A QR code as a PNG in a data: URI. */
	private static String qrCode(String text) {
		try {
			BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 330, 330);
			BufferedImage image = new BufferedImage(modules.getWidth(), modules.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < modules.getHeight(); y++) {
				for (int x = 0; x < modules.getWidth(); x++) {
					image.setRGB(x, y, modules.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> with(Map<String, Object> base, Object... more) {
		Map<String, Object> model = new HashMap<>(base);
		for (int i = 0; i < more.length; i += 2) {
			model.put((String) more[i], more[i + 1]);
		}
		return model;
	}

}
