package io.tsunagu.audit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something an audit entry names by a key that the page turns into a name: a plan ({@code plan 12}), an
 * employee ({@code employee 149}) or a person by email. These are the forms the modules write.
 */
public record AuditRef(Kind kind, String key) {

	/** What a reference points at. */
	public enum Kind {

		PLAN, EMPLOYEE, EMAIL, MAIL

	}

	private static final Pattern NUMBERED = Pattern.compile("(plan|employee|mail) (\\d+)");

	/** The reference a stored actor, subject or details text makes, if it is one. */
	static Optional<AuditRef> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		Matcher numbered = NUMBERED.matcher(text.strip());
		if (numbered.matches()) {
			return Optional.of(new AuditRef(Kind.valueOf(numbered.group(1).toUpperCase(Locale.ROOT)), numbered.group(2)));
		}
		String email = text.strip();
		if (email.indexOf('@') > 0 && email.indexOf(' ') < 0) {
			return Optional.of(new AuditRef(Kind.EMAIL, email.toLowerCase(Locale.ROOT)));
		}
		return Optional.empty();
	}

	/** The key as a number, for plans, employees and mail. */
	public long id() {
		return Long.parseLong(this.key);
	}

}
