package io.tsunagu.directory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import io.tsunagu.TsunaguApplication;

/**
 * Times the org chart import of a generated company (100,000 employees by default) through the
 * real {@link OrgChartImport} against a fresh embedded PostgreSQL, next to a {@code COPY} of the
 * same employees file into a scratch table, the fastest way PostgreSQL takes rows in.
 * <p>
 * Not a test (Surefire runs only {@code *Tests}): {@code bench/csv-import/run.sh} runs it.
 */
public final class OrgChartImportBenchmark {

	private static final long SEED = 20261127L;

	private static final String[] SURNAMES = { "佐藤", "鈴木", "髙橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤" };

	private static final String[] GIVEN_NAMES = { "翔太", "美咲", "大輔", "陽子", "健一", "結衣", "誠", "さくら", "蓮", "葵" };

	private static final String[] KANA = { "サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ" };

	private OrgChartImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path work = Path.of(args.length > 1 ? args[1] : "target/bench-csv-import").toAbsolutePath();
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		Path departmentsCsv = work.resolve("departments.csv");
		Path employeesCsv = work.resolve("employees.csv");
		int departments = generate(employees, departmentsCsv, employeesCsv);
		System.out.printf("Generated %,d departments and %,d employees (seed %d): %,d + %,d bytes%n", departments,
				employees, SEED, Files.size(departmentsCsv), Files.size(employeesCsv));

		SpringApplication application = new SpringApplication(TsunaguApplication.class);
		try (ConfigurableApplicationContext context = application.run(
				"--tsunagu.embedded-database.data-directory=" + work.resolve("postgres"), "--tsunagu.demo.enabled=false",
				"--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
			OrgChartImport imports = context.getBean(OrgChartImport.class);
			DataSource dataSource = context.getBean(DataSource.class);
			CsvUpload departmentUpload = CsvUpload.of(CsvFile.DEPARTMENTS, "departments.csv", Files.readAllBytes(departmentsCsv));
			CsvUpload employeeUpload = CsvUpload.of(CsvFile.EMPLOYEES, "employees.csv", Files.readAllBytes(employeesCsv));

			long start = System.nanoTime();
			ImportOutcome first = imports.upload(departmentUpload, employeeUpload, "bench@tsunagu.example");
			double importSeconds = seconds(start);
			if (!first.isImported()) {
				throw new IllegalStateException("The generated files were rejected: " + first.problems().subList(0,
						Math.min(5, first.problems().size())));
			}

			start = System.nanoTime();
			ImportOutcome again = imports.upload(departmentUpload, employeeUpload, "bench@tsunagu.example");
			double reimportSeconds = seconds(start);

			double copySeconds = copy(dataSource, employeesCsv);

			System.out.printf("Import (new company, both files):  %6.2f s  %,9.0f employee rows/s  %s%n", importSeconds,
					employees / importSeconds, first.counts().summary());
			System.out.printf("Re-import of the same files:       %6.2f s  %,9.0f employee rows/s  %s%n",
					reimportSeconds, employees / reimportSeconds, again.counts().summary());
			System.out.printf("Baseline COPY of employees.csv:    %6.2f s  %,9.0f rows/s%n", copySeconds,
					employees / copySeconds);
			System.out.printf("Ratio import / COPY: %.1f%n", importSeconds / copySeconds);
		}
	}

	private static double copy(DataSource dataSource, Path employeesCsv) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement().execute("""
					CREATE TABLE bench_copy_employees (employee_code VARCHAR(32) PRIMARY KEY, name VARCHAR(100) NOT NULL,
					    name_kana VARCHAR(100), email VARCHAR(254) NOT NULL, department_code VARCHAR(32) NOT NULL,
					    rank VARCHAR(16) NOT NULL, title VARCHAR(100), join_year INTEGER NOT NULL,
					    reports_to_email VARCHAR(254), locale VARCHAR(5))""");
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			long start = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(employeesCsv, StandardCharsets.UTF_8)) {
				copy.copyIn("COPY bench_copy_employees FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
			}
			double elapsed = seconds(start);
			connection.createStatement().execute("DROP TABLE bench_copy_employees");
			return elapsed;
		}
	}

	/**
	 * A company of divisions and their departments: each department's head reports to the division
	 * head, everyone else to their department's head; the files reference people across each other.
	 */
	static int generate(int employees, Path departmentsCsv, Path employeesCsv) throws IOException {
		Random random = new Random(SEED);
		int thisYear = Year.now().getValue();
		int departmentCount = Math.max(2, employees / 500);
		int divisions = Math.max(1, departmentCount / 20);
		List<String> departmentLines = new ArrayList<>();
		departmentLines.add(CsvFile.DEPARTMENTS.headerLine());
		List<String> employeeLines = new ArrayList<>(employees + 1);
		employeeLines.add(CsvFile.EMPLOYEES.headerLine());
		String president = email(0);
		for (int d = 0; d < departmentCount; d++) {
			String code = "D%04d".formatted(d);
			boolean division = d < divisions;
			String parent = division ? "" : "D%04d".formatted(d % divisions);
			String head = email(d + 1);
			String officer = division ? president : email(d % divisions + 1);
			departmentLines.add(String.join(",", code, "部署" + d, "Department " + d, parent, head, officer));
		}
		for (int e = 0; e < employees; e++) {
			int s = random.nextInt(SURNAMES.length);
			int g = random.nextInt(GIVEN_NAMES.length);
			String department;
			String rank;
			String reportsTo;
			if (e == 0) {
				department = "D0000";
				rank = "EXECUTIVE";
				reportsTo = "";
			}
			else if (e <= departmentCount) {
				int d = e - 1;
				department = "D%04d".formatted(d);
				rank = d < divisions ? "OFFICER" : "MANAGER";
				reportsTo = d < divisions ? president : email(d % divisions + 1);
			}
			else {
				int d = random.nextInt(departmentCount);
				department = "D%04d".formatted(d);
				rank = "STAFF";
				reportsTo = email(d + 1);
			}
			employeeLines.add(String.join(",", "B%07d".formatted(e), SURNAMES[s] + " " + GIVEN_NAMES[g] + "①",
					KANA[s], email(e), department, rank, random.nextInt(4) == 0 ? "主任～" : "",
					String.valueOf(thisYear - random.nextInt(40)), reportsTo, random.nextInt(10) == 0 ? "en" : "ja"));
		}
		Files.write(departmentsCsv, departmentLines, StandardCharsets.UTF_8);
		Files.write(employeesCsv, employeeLines, StandardCharsets.UTF_8);
		return departmentCount;
	}

	private static String email(int employee) {
		return "b%07d@bench.example".formatted(employee);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
