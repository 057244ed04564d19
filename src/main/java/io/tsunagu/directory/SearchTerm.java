package io.tsunagu.directory;

import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * One word of a directory search, normalised as {@code employee_search_text} (V18) normalises what it
 * is matched against: lower case, hiragana as katakana.
 */
record SearchTerm(String text) {

	/** The shortest term a trigram index can look up; shorter ones go by their characters. */
	private static final int TRIGRAM = 3;

	static SearchTerm of(String word) {
		return new SearchTerm(Kana.toKatakana(word.toLowerCase(Locale.ROOT)));
	}

	/** Characters, not UTF-16 units, as PostgreSQL counts them: 𠮷 is one. */
	boolean isShort() {
		return this.text.codePointCount(0, this.text.length()) < TRIGRAM;
	}

	String pattern() {
		return "%" + this.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * Whether the employee's name, reading or email contains the term, in the form V18's indexes serve:
	 * LIKE alone for the trigram index, and the characters first for a short term.
	 */
	Predicate matches(CriteriaBuilder cb, Expression<String> searchText) {
		Predicate contains = cb.like(searchText, pattern(), '\\');
		if (!isShort()) {
			return contains;
		}
		return cb.and(cb.isTrue(cb.function("search_text_has_characters", Boolean.class, searchText, cb.literal(this.text))),
				contains);
	}

}
