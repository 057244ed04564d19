package io.tsunagu.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the things audit entries refer to. A module that owns such things (employees, plans) implements it,
 * so that the audit page names them without this module depending on it.
 */
public interface AuditNames {

	/**
	 * The names of those of the given references this module owns, found in one query; a reference left out
	 * points at something deleted (or not this module's).
	 */
	Map<AuditRef, String> names(Collection<AuditRef> refs);

}
