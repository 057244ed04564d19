package io.tsunagu.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import io.tsunagu.audit.AuditLog;

/**
 * Loads the org chart from {@code departments.csv} and/or {@code employees.csv}: all or nothing,
 * and every problem reported at once.
 */
@Service
class OrgChartImport {

	static final String AUDIT_ACTION = "directory.import";

	private final OrgChartCsvReader reader;

	private final OrgChartTables tables;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	OrgChartImport(OrgChartTables tables, AuditLog audit, PlatformTransactionManager transactions,
			@Value("${tsunagu.import.max-file-size}") DataSize maxFileSize) {
		this.reader = new OrgChartCsvReader(maxFileSize.toBytes());
		this.tables = tables;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	long maxFileSize() {
		return this.reader.maxFileSize();
	}

	/**
	 * Validates the uploads together and, when there is no problem, writes them in one transaction.
	 * @param departments the departments file, or {@code null}
	 * @param employees the employees file, or {@code null}
	 * @param actor the administrator's login, for the audit log
	 */
	ImportOutcome upload(CsvUpload departments, CsvUpload employees, String actor) {
		if (departments == null && employees == null) {
			return ImportOutcome.rejected(List.of(CsvProblem.ofUpload(CsvError.NO_FILE)));
		}
		// Reading and parsing need no transaction; the lock is taken for the part that needs it.
		List<CsvProblem> problems = new ArrayList<>();
		CsvSheet departmentSheet = departments == null ? null : this.reader.read(departments, problems);
		CsvSheet employeeSheet = employees == null ? null : this.reader.read(employees, problems);
		return this.transaction.execute(status -> {
			this.tables.lockForImport();
			OrgChartSnapshot before = this.tables.snapshot();
			OrgChartChanges changes = OrgChartValidation.validate(departmentSheet, employeeSheet, before, problems);
			if (changes == null) {
				return ImportOutcome.rejected(problems);
			}
			this.tables.apply(changes, before);
			String files = Stream.of(departments, employees)
				.filter(upload -> upload != null)
				.map(CsvUpload::displayName)
				.collect(Collectors.joining(", "));
			this.audit.record(actor, AUDIT_ACTION, files, changes.counts().summary());
			return ImportOutcome.imported(changes.counts());
		});
	}

}
