import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prepares bench/pages through the application's own pages, as a browser would: logs in with the form
 * (and its CSRF token), plans an event, submits it, has the three demo approvers approve it, sends a
 * personal wave, reads an invitee's answer link from the demo mailbox, and leaves a few more plans
 * waiting for the president so that the approval inbox has rows. Prints {@code key=value} lines for
 * run.sh: the session cookies, the plan, the answer link and the answer form's CSRF cookie and token.
 * Run with the JDK's source launcher: {@code java bench/pages/PagesSetup.java http://localhost:18081}.
 */
public class PagesSetup {

	static final String PASSWORD = "tsunagu-demo";

	static final String ORGANISER = "organiser@tsunagu.example";

	static final List<String> APPROVERS = List.of("president@tsunagu.example", "yoko.nakamura@tsunagu.example",
			"aoi.okamoto@tsunagu.example");

	static final List<String> INVITEES = List.of("david.lee@tsunagu.example", "emily.clark@tsunagu.example",
			"manager@tsunagu.example");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int waiting = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		Browser organiser = Browser.loggedIn(base, ORGANISER);
		long plan = organiser.plan("ページ速度の計測会 " + System.currentTimeMillis() % 100000);
		organiser.post("/plans/" + plan + "/submit", Map.of());
		for (String approver : APPROVERS) {
			Browser.loggedIn(base, approver).approveOldest();
		}
		for (String invitee : INVITEES) {
			String page = organiser.get("/plans/" + plan + "/invitations?q=" + enc(invitee));
			String employeeId = first(page, "name=\"employeeId\" value=\"(\\d+)\"");
			organiser.post("/plans/" + plan + "/invitations/invitees", Map.of("employeeId", employeeId));
		}
		String wave = organiser.get("/plans/" + plan + "/invitations");
		Matcher drafts = Pattern.compile("/plans/" + plan + "/invitations/(\\d+)/message").matcher(wave);
		List<String> ids = new ArrayList<>();
		while (drafts.find()) {
			ids.add(drafts.group(1));
		}
		for (String id : ids) {
			organiser.post("/plans/" + plan + "/invitations/" + id + "/message", Map.of("text",
					"先日の部署横断の勉強会では資料づくりを手伝ってくださりありがとうございました。ぜひお話ししたいです。(" + id + ")"));
		}
		organiser.post("/plans/" + plan + "/invitations/send", Map.of());
		for (int i = 0; i < waiting; i++) {
			long other = organiser.plan("承認待ちの企画 " + (i + 1));
			organiser.post("/plans/" + other + "/submit", Map.of());
		}
		Browser president = Browser.loggedIn(base, APPROVERS.get(0));
		String link = organiser.answerLink(INVITEES.get(0));
		Browser invitee = new Browser(base);
		String answerPage = invitee.get(link);
		System.out.println("plan=" + plan);
		System.out.println("rsvp=" + link);
		System.out.println("organiser_cookie=" + organiser.cookie("SESSION", "JSESSIONID"));
		System.out.println("president_cookie=" + president.cookie("SESSION", "JSESSIONID"));
		System.out.println("rsvp_cookie=" + invitee.cookie("XSRF-TOKEN"));
		System.out.println("rsvp_csrf=" + csrf(answerPage));
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String first(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("No " + regex + " in the page:\n" + html);
		}
		return m.group(1);
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token in the page:\n" + html);
		}
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	/** One browser: its own cookies, redirects followed. */
	static final class Browser {

		final String base;

		final CookieManager cookies = new CookieManager();

		final HttpClient http;

		String lastPage = "";

		URI lastUri;

		Browser(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder().cookieHandler(this.cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
		}

		static Browser loggedIn(String base, String email) throws Exception {
			Browser browser = new Browser(base);
			browser.get("/login");
			browser.post("/login", Map.of("email", email, "password", PASSWORD));
			if (browser.lastUri.getPath().startsWith("/login")) {
				throw new IllegalStateException("Login refused for " + email);
			}
			return browser;
		}

		String get(String path) throws Exception {
			return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
		}

		/** Posts a form with the CSRF token of the page seen last. */
		String post(String path, Map<String, String> fields) throws Exception {
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", csrf(this.lastPage));
			String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		}

		private String send(HttpRequest request) throws Exception {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
						+ ":\n" + response.body());
			}
			this.lastPage = response.body();
			this.lastUri = response.uri();
			return this.lastPage;
		}

		long plan(String title) throws Exception {
			get("/plans/new");
			LocalDateTime start = LocalDateTime.now().plusDays(40).withHour(19).withMinute(0).withSecond(0).withNano(0);
			DateTimeFormatter form = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("title", title);
			fields.put("kind", "CROSS_DEPARTMENT_MIXER");
			fields.put("purpose", "部署を越えて顔を合わせ、次の仕事で声をかけ合える関係をつくる。");
			fields.put("audience", "全部署");
			fields.put("startsAt", start.format(form));
			fields.put("endsAt", start.plusHours(2).format(form));
			fields.put("zone", "Asia/Tokyo");
			fields.put("venue", "本社 12階 ラウンジ");
			fields.put("capacity", "100");
			fields.put("rsvpDeadline", start.minusDays(7).format(form));
			fields.put("budgetYen", "100000");
			post("/plans", fields);
			return Long.parseLong(first(this.lastUri.getPath(), "^/plans/(\\d+)$"));
		}

		void approveOldest() throws Exception {
			String inbox = get("/approvals");
			String step = first(inbox, "/approvals/steps/(\\d+)");
			String decision = get("/approvals/steps/" + step);
			String revision = first(decision, "name=\"revision\" value=\"(\\d+)\"");
			post("/approvals/steps/" + step, Map.of("kind", "APPROVE", "comment", "部署の垣根を越える良い企画です。", "revision", revision));
		}

		/** The answer link of the newest mail to the invitee, once the dispatcher has put it in the mailbox. */
		String answerLink(String invitee) throws Exception {
			for (int attempt = 0; attempt < 100; attempt++) {
				Matcher mail = Pattern.compile("href=\"/mailbox/(\\d+)\"").matcher(get("/mailbox?recipient=" + enc(invitee)));
				while (mail.find()) {
					Matcher link = Pattern.compile("https?://[^\"/]+(/rsvp/[^\"]+)\"").matcher(get("/mailbox/" + mail.group(1) + "/html"));
					if (link.find()) {
						return link.group(1).replace("&amp;", "&");
					}
				}
				Thread.sleep(300);
			}
			throw new IllegalStateException("No answer link reached " + invitee + "'s mailbox");
		}

		String cookie(String... names) {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> List.of(names).contains(c.getName()))
				.map(c -> c.getName() + "=" + c.getValue())
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No cookie " + List.of(names)));
		}

	}

}
