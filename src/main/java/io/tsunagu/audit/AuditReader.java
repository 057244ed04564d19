package io.tsunagu.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit page's read side: a page of entries, each said as a sentence in the reader's language that names
 * who did what to which plan or person. The names of a page are found in one query per owning module (not one
 * per entry); a deleted plan or person is named as such, by the number or address the entry kept.
 */
@Component
class AuditReader {

	private static final String SYSTEM = "system";

	private static final String ELLIPSIS = "…";

	private final AuditEntries entries;

	private final List<AuditNames> owners;

	private final MessageSource messages;

	AuditReader(AuditEntries entries, List<AuditNames> owners, MessageSource messages) {
		this.entries = entries;
		this.owners = owners;
		this.messages = messages;
	}

	/** One entry as the page shows it: when, the sentence, the action's key, and details the sentence does not say. */
	record Line(Instant occurredAt, String text, String action, String details) {
	}

	/** A choice of the action filter: the stored action and how it reads. */
	record ActionChoice(String value, String label) {
	}

	@Transactional(readOnly = true)
	Page<Line> read(AuditSearch search, ZoneId zone, Locale locale) {
		Page<AuditEntry> page = this.entries.findAll(search.specification(zone), search.pageable());
		Set<AuditRef> refs = new LinkedHashSet<>();
		for (AuditEntry entry : page) {
			AuditRef.parse(entry.getActor()).ifPresent(refs::add);
			AuditRef.parse(entry.getSubject()).ifPresent(refs::add);
			AuditRef.parse(entry.getDetails()).ifPresent(refs::add);
		}
		Map<AuditRef, String> names = names(refs);
		return page.map(entry -> line(entry, names, locale));
	}

	/** The actions recorded so far, each with the sentence it makes, names left out. */
	@Transactional(readOnly = true)
	List<ActionChoice> actions(Locale locale) {
		return this.entries.findDistinctActions()
			.stream()
			.map(action -> new ActionChoice(action, sentence(action, new Object[] { ELLIPSIS, ELLIPSIS, ELLIPSIS }, locale)))
			.toList();
	}

	private Map<AuditRef, String> names(Collection<AuditRef> refs) {
		Map<AuditRef, String> names = new HashMap<>();
		if (!refs.isEmpty()) {
			this.owners.forEach(owner -> names.putAll(owner.names(refs)));
		}
		return names;
	}

	private Line line(AuditEntry entry, Map<AuditRef, String> names, Locale locale) {
		String actor = SYSTEM.equals(entry.getActor()) ? message("audit.system", locale)
				: name(entry.getActor(), names, locale);
		String subject = name(entry.getSubject(), names, locale);
		Optional<AuditRef> person = AuditRef.parse(entry.getDetails());
		String other = person.isPresent() ? name(entry.getDetails(), names, locale) : "";
		String details = person.isPresent() ? null : entry.getDetails();
		return new Line(entry.getOccurredAt(), sentence(entry.getAction(), new Object[] { actor, subject, other }, locale),
				entry.getAction(), details);
	}

	/** The sentence of an action; an action without one (recorded by a newer version, say) reads by its key. */
	private String sentence(String action, Object[] names, Locale locale) {
		String sentence = this.messages.getMessage("audit.message." + action, names, null, locale);
		return sentence != null ? sentence
				: message("audit.message.other", locale, names[0], action, names[1]);
	}

	/** A reference by its name, a deleted one as such; text that is no reference, as it was written. */
	private String name(String text, Map<AuditRef, String> names, Locale locale) {
		return AuditRef.parse(text).map(ref -> {
			String name = names.get(ref);
			if (name != null) {
				return name;
			}
			return switch (ref.kind()) {
				case PLAN -> message("audit.deleted.plan", locale, ref.key());
				case EMPLOYEE -> message("audit.deleted.employee", locale, ref.key());
				case MAIL -> message("audit.mail", locale, ref.key());
				case EMAIL -> ref.key();
			};
		}).orElse(text == null ? "" : text);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
