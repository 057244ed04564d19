package io.tsunagu.planning;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tsunagu.audit.AuditNames;
import io.tsunagu.audit.AuditRef;
import io.tsunagu.audit.AuditRef.Kind;

/** Names the plans audit entries refer to, in one query for a page of entries. */
@Component
class PlanAuditNames implements AuditNames {

	private final EventPlans plans;

	PlanAuditNames(EventPlans plans) {
		this.plans = plans;
	}

	@Override
	public Map<AuditRef, String> names(Collection<AuditRef> refs) {
		List<Long> ids = refs.stream().filter(ref -> ref.kind() == Kind.PLAN).map(AuditRef::id).toList();
		Map<AuditRef, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.plans.findTitles(ids)
				.forEach(row -> names.put(new AuditRef(Kind.PLAN, String.valueOf(row[0])), (String) row[1]));
		}
		return names;
	}

}
