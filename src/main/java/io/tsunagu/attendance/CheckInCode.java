package io.tsunagu.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret of a personal check-in link: 128 random bits, URL-safe Base64 without padding, of which only
 * the SHA-256 is stored. Separate from the answer link's token: whoever sees the QR code at the door
 * cannot answer, and the answer link checks nobody in.
 */
final class CheckInCode {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int BYTES = 16;

	// 16 bytes are 22 characters of unpadded Base64; anything else was never issued.
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private final String value;

	private CheckInCode(String value) {
		this.value = value;
	}

	static CheckInCode generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return new CheckInCode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The code in a link, if it has the shape of one; says nothing of whether it was issued. */
	static Optional<CheckInCode> parse(String candidate) {
		return candidate != null && SHAPE.matcher(candidate).matches() ? Optional.of(new CheckInCode(candidate))
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

	// Never print the secret.
	@Override
	public String toString() {
		return "CheckInCode[…]";
	}

}
