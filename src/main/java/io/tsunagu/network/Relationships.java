package io.tsunagu.network;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;

/** How colleagues stand to one employee, from the org chart as it is today; a few queries whatever their number. */
@Component
class Relationships {

	private final Directory directory;

	Relationships(Directory directory) {
		this.directory = directory;
	}

	/** Each of the others that is in the directory, as this employee sees them. */
	Map<Long, Relationship> of(long employeeId, Collection<Long> others) {
		Map<Long, Relationship> found = new LinkedHashMap<>();
		EmployeeRef me = this.directory.findById(employeeId).orElse(null);
		if (me == null || others.isEmpty()) {
			return found;
		}
		Set<Long> above = new HashSet<>(this.directory.reportingLine(employeeId));
		Set<Long> below = this.directory.below(employeeId, others);
		Map<Long, EmployeeRef> refs = this.directory.findAllById(others);
		for (Long other : others) {
			EmployeeRef ref = refs.get(other);
			if (ref != null) {
				found.put(other, Relationship.of(me.joinYear(), ref.joinYear(), above.contains(other), below.contains(other)));
			}
		}
		return found;
	}

}
