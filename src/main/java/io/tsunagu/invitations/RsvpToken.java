package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in an invitation's answer link: 256 random bits, URL-safe Base64 without padding. Only
 * its SHA-256 is stored with the invitation. The whole link is in the mail's body in the outbox until
 * it is sent; with an SMTP server the bodies of sent mail are emptied after
 * {@code tsunagu.mail.sent-body-retention} (1h), and from then on a copy of the database opens no
 * invitation (AnswerLinksAtRestTests). The built-in mailbox of the default mode keeps the bodies: it
 * is where that mail is read.
 */
final class RsvpToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BYTES = 32;

	// 32 bytes are 43 characters of unpadded Base64; anything else was never issued.
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final String value;

	private RsvpToken(String value) {
		this.value = value;
	}

	static RsvpToken generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return new RsvpToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The token in a link, if it has the shape of one; says nothing of whether it was issued. */
	static Optional<RsvpToken> parse(String candidate) {
		return candidate != null && SHAPE.matcher(candidate).matches() ? Optional.of(new RsvpToken(candidate))
				: Optional.empty();
	}

	/** What goes into the link. */
	String value() {
		return this.value;
	}

	/** What the database keeps. */
	byte[] hash() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RsvpToken that && MessageDigest.isEqual(
				this.value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	// Never print the secret: logs and error pages are read by more people than invitations are.
	@Override
	public String toString() {
		return "RsvpToken[…]";
	}

}
