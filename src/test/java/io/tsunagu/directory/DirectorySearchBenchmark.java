package io.tsunagu.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import io.tsunagu.TsunaguApplication;

/**
 * Directory and invitee search on a company of 100,000 employees (OrgChartImportBenchmark's generator,
 * imported through the real import): p50 and p95 of the directory page's query with its count and of
 * the invitee picker's, each next to baselines measured in the same run on the same connection pool: a
 * {@code SELECT 1}, and the search's LIKE scan written out as plain SQL (what the query costs the
 * database, without the application around it). Not a test: Surefire only runs {@code *Tests}.
 */
public final class DirectorySearchBenchmark {

	private static final int ROUNDS = 200;

	private DirectorySearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path work = Path.of(args.length > 1 ? args[1] : "target/bench-directory-search").toAbsolutePath();
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Path departmentsCsv = work.resolve("departments.csv");
		Path employeesCsv = work.resolve("employees.csv");
		OrgChartImportBenchmark.generate(size, departmentsCsv, employeesCsv);

		SpringApplication application = new SpringApplication(TsunaguApplication.class);
		try (ConfigurableApplicationContext context = application.run(
				"--tsunagu.embedded-database.data-directory=" + work.resolve("postgres"), "--tsunagu.demo.enabled=false",
				"--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
			ImportOutcome imported = context.getBean(OrgChartImport.class)
				.upload(CsvUpload.of(CsvFile.DEPARTMENTS, "departments.csv", Files.readAllBytes(departmentsCsv)),
						CsvUpload.of(CsvFile.EMPLOYEES, "employees.csv", Files.readAllBytes(employeesCsv)), "bench@tsunagu.example");
			if (!imported.isImported()) {
				throw new IllegalStateException("The generated files were rejected");
			}
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("ANALYZE employees").update();
			Employees employees = context.getBean(Employees.class);
			Directory directory = context.getBean(Directory.class);

			System.out.printf("Directory search, %,d employees, %d rounds each, p50 / p95 in ms%n", size, ROUNDS);
			double[] baseline = time(() -> jdbc.sql("SELECT 1").query(Integer.class).single());
			print("baseline: SELECT 1", baseline, baseline);
			for (String term : List.of("佐藤", "伊", "いとう", "さくら", "b0012345", "bench.example")) {
				EmployeeSearch search = EmployeeSearch.forText(term);
				print("directory page (25 and the count): " + term,
						time(() -> employees.findAll(search.specification(), search.pageable()).getTotalElements()), baseline);
				print("invitee picker (first 10): " + term, time(() -> directory.search(term, 10).size()), baseline);
			}
			// The search's own SQL, a scan of name, reading and address, without the application around it.
			for (String term : List.of("佐藤", "イトウ")) {
				String like = "%" + term + "%";
				print("the same scan as plain SQL (25): " + term, time(() -> jdbc.sql("""
						SELECT id FROM employees WHERE active AND (lower(name) LIKE :like OR name_kana LIKE :like
						OR lower(email) LIKE :like) ORDER BY name_kana, code LIMIT 25""").param("like", like).query(Long.class).list()),
						baseline);
			}
		}
	}

	private static double[] time(Supplier<?> query) {
		for (int i = 0; i < 20; i++) {
			query.get();
		}
		double[] millis = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			query.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return new double[] { millis[ROUNDS / 2], millis[ROUNDS * 95 / 100] };
	}

	private static void print(String label, double[] figures, double[] baseline) {
		System.out.printf("%-52s p50 %7.2f  p95 %7.2f  (p95 %6.1f × the baseline)%n", label, figures[0], figures[1],
				figures[1] / baseline[1]);
	}

}
