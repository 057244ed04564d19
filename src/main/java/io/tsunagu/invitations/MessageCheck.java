package io.tsunagu.invitations;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a wave of personal messages before they go out, as a careful colleague would: a message
 * that is nearly a copy of another (people recognise copy-paste and ignore it), one too short to
 * say anything, and one that does not name the person it is for. Similarity is the Jaccard index of
 * character trigrams of the normalised text, which works for Japanese without splitting words. Public for
 * the other personal messages of the application (the thank-yous after an event), which are read alike.
 */
public final class MessageCheck {

	static final double NEAR_COPY = 0.8;

	static final int MIN_LENGTH = 30;

	/** A personal message to check: whom it is for and what it says. */
	public record Draft(String key, String inviteeName, String text) {
	}

	/** Something the organiser should look at; {@code other} and {@code similarity} only for near copies. */
	public record Finding(String key, Kind kind, String other, double similarity) {

		public enum Kind {

			NEAR_COPY, TOO_SHORT, DOES_NOT_NAME_INVITEE

		}

	}

	private MessageCheck() {
	}

	/** What each message of a wave needs looked at; blank messages are left alone. */
	public static List<Finding> check(List<Draft> drafts) {
		List<Finding> findings = new ArrayList<>();
		List<Set<String>> trigrams = drafts.stream().map(MessageCheck::trigramsWithoutNames).toList();
		for (int i = 0; i < drafts.size(); i++) {
			Draft draft = drafts.get(i);
			// A message not written yet has nothing to point out, and is no copy of another one.
			if (isBlank(draft)) {
				continue;
			}
			if (draft.text().strip().codePointCount(0, draft.text().strip().length()) < MIN_LENGTH) {
				findings.add(new Finding(draft.key(), Finding.Kind.TOO_SHORT, null, 0));
			}
			if (!namesInvitee(draft.text(), draft.inviteeName())) {
				findings.add(new Finding(draft.key(), Finding.Kind.DOES_NOT_NAME_INVITEE, null, 0));
			}
			for (int j = 0; j < drafts.size(); j++) {
				if (i == j || isBlank(drafts.get(j)) || trigrams.get(i).isEmpty() || trigrams.get(j).isEmpty()) {
					continue;
				}
				double similarity = jaccard(trigrams.get(i), trigrams.get(j));
				if (similarity >= NEAR_COPY) {
					findings.add(new Finding(draft.key(), Finding.Kind.NEAR_COPY, drafts.get(j).key(), similarity));
				}
			}
		}
		return findings;
	}

	private static boolean isBlank(Draft draft) {
		return draft.text() == null || draft.text().isBlank();
	}

	/** NFKC (full-width letters and digits become ordinary ones), lower case, no spaces or punctuation. */
	static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(folded.length());
		folded.codePoints()
			.filter(c -> Character.isLetterOrDigit(c) || Character.getType(c) == Character.OTHER_LETTER)
			.forEach(out::appendCodePoint);
		return out.toString();
	}

	static Set<String> trigrams(String normalised) {
		Set<String> grams = new HashSet<>();
		int[] points = normalised.codePoints().toArray();
		if (points.length > 0 && points.length < 3) {
			grams.add(new String(points, 0, points.length));
		}
		for (int i = 0; i + 3 <= points.length; i++) {
			grams.add(new String(points, i, 3));
		}
		return grams;
	}

	static double jaccard(Set<String> a, Set<String> b) {
		if (a.isEmpty() && b.isEmpty()) {
			return 1.0;
		}
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		Set<String> common = new HashSet<>(a);
		common.retainAll(b);
		return (double) common.size() / union.size();
	}

	/** Whether the text names the person: the full name, or the family or given name alone. */
	static boolean namesInvitee(String text, String inviteeName) {
		String normalisedText = normalise(text);
		if (inviteeName == null || inviteeName.isBlank() || normalisedText.isEmpty()) {
			return false;
		}
		for (String part : nameParts(inviteeName)) {
			if (normalisedText.contains(part)) {
				return true;
			}
		}
		return false;
	}

	// A copy with the names swapped is still a copy: the names do not count towards similarity.
	private static Set<String> trigramsWithoutNames(Draft draft) {
		String text = normalise(draft.text());
		for (String part : nameParts(draft.inviteeName())) {
			text = text.replace(part, "");
		}
		return trigrams(text);
	}

	private static List<String> nameParts(String name) {
		List<String> parts = new ArrayList<>();
		if (name == null) {
			return parts;
		}
		String whole = normalise(name);
		if (!whole.isEmpty()) {
			parts.add(whole);
		}
		for (String piece : Normalizer.normalize(name, Normalizer.Form.NFKC).split("[\\s　・]+")) {
			String part = normalise(piece);
			if (!part.isEmpty() && !parts.contains(part)) {
				parts.add(part);
			}
		}
		return parts;
	}

}
