package io.tsunagu.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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

	static final String DEACTIVATED_ACTION = "directory.deactivate";

	private final OrgChartCsvReader reader;

	private final OrgChartTables tables;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrgChartImport(OrgChartTables tables, AuditLog audit, PlatformTransactionManager transactions,
			@Value("${tsunagu.import.max-file-size}") DataSize maxFileSize, ApplicationEventPublisher events,
			Clock clock) {
		this.reader = new OrgChartCsvReader(maxFileSize.toBytes());
		this.tables = tables;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
		this.clock = clock;
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
		return upload(departments, employees, false, actor);
	}

	/**
	 * As {@link #upload(CsvUpload, CsvUpload, String)}; when the employees file lists everyone, the active
	 * employees it leaves out have left the org chart and are deactivated in the same transaction (their
	 * logins end with it). Someone deactivated and not yet anonymised who is in a later file is active again.
	 * @param everyone whether the employees file lists every employee of the company
	 */
	ImportOutcome upload(CsvUpload departments, CsvUpload employees, boolean everyone, String actor) {
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
			List<String> codes = changes.employees().stream().map(EmployeeLine::code).toList();
			int deactivated = 0;
			if (employees != null && !codes.isEmpty()) {
				this.tables.reactivate(codes);
				if (everyone) {
					// An empty file deactivates nobody: it is far likelier a mistake than a company that left.
					EmployeesDeactivated left = this.tables.deactivateAllBut(codes, this.clock.instant());
					deactivated = left.ids().size();
					if (deactivated > 0) {
						this.events.publishEvent(left);
						this.audit.record(actor, DEACTIVATED_ACTION, deactivated + " employees",
								"not in the file that lists everyone; ids " + abbreviated(left.ids()));
					}
				}
			}
			String files = Stream.of(departments, employees)
				.filter(upload -> upload != null)
				.map(CsvUpload::displayName)
				.collect(Collectors.joining(", "));
			this.audit.record(actor, AUDIT_ACTION, files, changes.counts().summary());
			return ImportOutcome.imported(changes.counts(), deactivated);
		});
	}

	private static String abbreviated(List<Long> ids) {
		String shown = ids.stream().limit(50).map(String::valueOf).collect(Collectors.joining(", "));
		return ids.size() > 50 ? shown + " and " + (ids.size() - 50) + " more" : shown;
	}

}
