package io.tsunagu.directory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import io.tsunagu.TsunaguApplication;
import io.tsunagu.WebClient;
import io.tsunagu.approval.Approvals;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

/**
 * Directory and invitee search on a company of 100,000 employees (OrgChartImportBenchmark's generator,
 * imported through the real import next to the demo company). First each query alone, in process: p50
 * and p95 of the directory page's query with its count and of the invitee picker's, next to a
 * {@code SELECT 1} and the old {@code LIKE} scan as plain SQL on the same pool. Then the pages over HTTP
 * under load: wrk with 16 connections against {@code /employees?q=…} and the invitations page of an
 * approved event {@code /plans/{id}/invitations?q=…}, logged in as the demo organiser, with the login
 * page (the same layout, no query) as the baseline of the run. Not a test: Surefire only runs
 * {@code *Tests}. Usage: {@code DirectorySearchBenchmark <employees> <work dir> [port] [seconds per load run] [rounds]}.
 */
public final class DirectorySearchBenchmark {

	private static final int CONNECTIONS = 16;

	private static int rounds = 200;

	/** Common and rare names, readings, whole and partial addresses, a romaji name, and no match at all. */
	private static final List<String> TERMS = List.of("佐藤", "伊", "いとう", "さとう", "b0012345@bench.example", "b0012345",
			"bench.example", "lee", "鷲", "xyzzy");

	private static final List<String> LOADED_TERMS = List.of("佐藤", "伊", "いとう", "b0012345@bench.example",
			"bench.example", "lee", "xyzzy");

	private DirectorySearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path work = Path.of(args.length > 1 ? args[1] : "target/bench-directory-search").toAbsolutePath();
		int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		rounds = args.length > 4 ? Integer.parseInt(args[4]) : rounds;
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Path departmentsCsv = work.resolve("departments.csv");
		Path employeesCsv = work.resolve("employees.csv");
		OrgChartImportBenchmark.generate(size, departmentsCsv, employeesCsv);

		SpringApplication application = new SpringApplication(TsunaguApplication.class);
		try (ConfigurableApplicationContext context = application.run(
				"--tsunagu.embedded-database.data-directory=" + work.resolve("postgres"), "--tsunagu.demo.enabled=true",
				"--tsunagu.mail.dispatcher-enabled=false", "--server.port=" + port, "--logging.level.root=WARN",
				"--spring.main.banner-mode=off")) {
			long start = System.nanoTime();
			ImportOutcome imported = context.getBean(OrgChartImport.class)
				.upload(CsvUpload.of(CsvFile.DEPARTMENTS, "departments.csv", Files.readAllBytes(departmentsCsv)),
						CsvUpload.of(CsvFile.EMPLOYEES, "employees.csv", Files.readAllBytes(employeesCsv)), "bench@tsunagu.example");
			if (!imported.isImported()) {
				throw new IllegalStateException("The generated files were rejected");
			}
			System.out.printf("Import of %,d employees: %.2f s%n", size, (System.nanoTime() - start) / 1e9);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			// What autovacuum does soon after an import of this size: statistics, and the search index's
			// pending entries merged.
			jdbc.sql("VACUUM ANALYZE employees").update();
			inProcess(context, jdbc, size);
			underLoad(context, seconds);
		}
	}

	private static void inProcess(ConfigurableApplicationContext context, JdbcClient jdbc, int size) {
		EmployeeFinder finder = context.getBean(EmployeeFinder.class);
		Directory directory = context.getBean(Directory.class);
		System.out.printf("Directory search, %,d employees, %d rounds each, p50 / p95 in ms%n", size, rounds);
		double[] baseline = time(() -> jdbc.sql("SELECT 1").query(Integer.class).single());
		print("baseline: SELECT 1", baseline, baseline);
		for (String term : TERMS) {
			EmployeeSearch search = EmployeeSearch.forText(term);
			print("directory page (25 and the count): " + term, time(() -> finder.page(search).page().getTotalElements()),
					baseline);
			print("invitee picker (first 20): " + term, time(() -> directory.search(term, 20).size()), baseline);
		}
		// The scan the search used to be, without the application around it.
		for (String term : List.of("佐藤", "イトウ")) {
			String like = "%" + term + "%";
			print("the old LIKE scan as plain SQL (25): " + term, time(() -> jdbc.sql("""
					SELECT id FROM employees WHERE active AND (lower(name) LIKE :like OR name_kana LIKE :like
					OR lower(email) LIKE :like) ORDER BY name_kana, code LIMIT 25""").param("like", like).query(Long.class).list()),
					baseline);
		}
	}

	private static void underLoad(ConfigurableApplicationContext context, int seconds) throws Exception {
		ApprovedEvents events = new ApprovedEvents(context.getBean(Plans.class), context.getBean(Approvals.class),
				context.getBean(Directory.class), context.getBean(OrgChart.class));
		long plan = events.anApprovedEvent("全社の会", 500);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// One session per connection: sixteen requests of one session at once race on writing its
		// attributes back (Spring Session JDBC), which is not what this benchmark is about.
		List<String> cookies = new ArrayList<>();
		for (int i = 0; i < CONNECTIONS; i++) {
			WebClient browser = new WebClient(port);
			if (!browser.logIn(ApprovedEvents.ORGANISER, "tsunagu-demo")) {
				throw new IllegalStateException("The demo organiser could not log in");
			}
			cookies.add(browser.cookieHeader());
		}
		String base = "http://localhost:" + port;
		Path script = Files.createTempFile("wrk-percentiles", ".lua");
		Files.writeString(script, """
				local cookies, sent = {}, 0
				init = function(args)
				  cookies = args
				  sent = math.random(#cookies)
				end
				request = function()
				  sent = sent + 1
				  wrk.headers["Cookie"] = cookies[sent % #cookies + 1]
				  return wrk.format()
				end
				done = function(summary, latency, requests)
				  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
				    + summary.errors.status + summary.errors.timeout
				  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d\\n", summary.requests / (summary.duration / 1e6),
				    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
				end
				""");
		System.out.printf("%nPages under load: wrk, 2 threads, 16 connections, %d s each after 3 s of warming up, logged in%n",
				seconds);
		System.out.printf("%-52s %8s %8s %8s %8s %7s %s%n", "page", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors",
				"req/s ÷ login page");
		double[] login = wrk(script, cookies, base + "/login", seconds);
		report("baseline: the login page", login, login);
		for (String term : LOADED_TERMS) {
			String q = URLEncoder.encode(term, StandardCharsets.UTF_8);
			report("/employees?q=" + term, wrk(script, cookies, base + "/employees?q=" + q, seconds), login);
			report("/plans/{id}/invitations?q=" + term,
					wrk(script, cookies, base + "/plans/" + plan + "/invitations?q=" + q, seconds), login);
		}
	}

	/** req/s, p50, p95, p99 and errors of one wrk run against the URL, after a short one to warm up. */
	private static double[] wrk(Path script, List<String> cookies, String url, int seconds) throws IOException, InterruptedException {
		run(script, cookies, url, 3);
		return run(script, cookies, url, seconds);
	}

	private static double[] run(Path script, List<String> cookies, String url, int seconds) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "-s",
				script.toString(), "-H", "Accept: text/html", url, "--"));
		command.addAll(cookies);
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0 || !output.contains("RESULT ")) {
			throw new IllegalStateException("wrk failed: " + output);
		}
		String result = output.substring(output.indexOf("RESULT ") + 7).lines().findFirst().orElseThrow();
		return Arrays.stream(result.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
	}

	private static void report(String label, double[] figures, double[] login) {
		System.out.printf("%-52s %8.1f %8.2f %8.2f %8.2f %7.0f %.2f%n", label, figures[0], figures[1], figures[2],
				figures[3], figures[4], figures[0] / login[0]);
	}

	private static double[] time(Supplier<?> query) {
		for (int i = 0; i < Math.max(2, rounds / 10); i++) {
			query.get();
		}
		double[] millis = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			query.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[rounds / 2], millis[rounds * 95 / 100] };
	}

	private static void print(String label, double[] figures, double[] baseline) {
		System.out.printf("%-52s p50 %7.2f  p95 %7.2f  (p95 %6.1f × the baseline)%n", label, figures[0], figures[1],
				figures[1] / baseline[1]);
	}

}
