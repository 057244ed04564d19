package io.tsunagu.directory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Small CSV files for the import tests. Codes start with CSVT and emails end in csvt.example, so
 * that the shared demo company stays as it is.
 */
final class OrgChartFiles {

	static final String DEPARTMENTS_HEADER = "code,name,name_en,parent_code,head_email,officer_email";

	static final String EMPLOYEES_HEADER = "employee_code,name,name_kana,email,department_code,rank,title,join_year,reports_to_email,locale";

	private OrgChartFiles() {
	}

	static CsvUpload departments(String... lines) {
		return CsvUpload.of(CsvFile.DEPARTMENTS, "departments.csv", csv(DEPARTMENTS_HEADER, StandardCharsets.UTF_8, lines));
	}

	static CsvUpload employees(String... lines) {
		return CsvUpload.of(CsvFile.EMPLOYEES, "employees.csv", csv(EMPLOYEES_HEADER, StandardCharsets.UTF_8, lines));
	}

	static byte[] csv(String header, Charset charset, String... lines) {
		return (header + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(charset);
	}

	/** A code unique to one test, so that tests sharing the database do not meet. */
	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
	}

}
