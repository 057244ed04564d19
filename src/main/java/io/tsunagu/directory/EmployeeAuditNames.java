package io.tsunagu.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tsunagu.audit.AuditNames;
import io.tsunagu.audit.AuditRef;
import io.tsunagu.audit.AuditRef.Kind;

/** Names the people audit entries refer to, by number or by email, in one query for a page of entries. */
@Component
class EmployeeAuditNames implements AuditNames {

	private final JdbcClient jdbc;

	EmployeeAuditNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<AuditRef, String> names(Collection<AuditRef> refs) {
		List<Long> ids = refs.stream().filter(ref -> ref.kind() == Kind.EMPLOYEE).map(AuditRef::id).toList();
		List<String> emails = refs.stream().filter(ref -> ref.kind() == Kind.EMAIL).map(AuditRef::key).toList();
		Map<AuditRef, String> names = new HashMap<>();
		if (ids.isEmpty() && emails.isEmpty()) {
			return names;
		}
		// Served by the primary key and by employees_email_key (lower(email)); empty arrays match nothing.
		this.jdbc.sql("""
				SELECT id, lower(email) AS email, name FROM employees
				WHERE id = ANY(:ids) OR lower(email) = ANY(:emails)""")
			.param("ids", ids.toArray(Long[]::new))
			.param("emails", emails.toArray(String[]::new))
			.query((row, number) -> {
				names.put(new AuditRef(Kind.EMPLOYEE, String.valueOf(row.getLong("id"))), row.getString("name"));
				names.put(new AuditRef(Kind.EMAIL, row.getString("email").toLowerCase(Locale.ROOT)), row.getString("name"));
				return null;
			})
			.list();
		return names;
	}

}
