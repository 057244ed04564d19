package io.tsunagu.invitations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret carried by a link in a mail (the answer link, a personal check-in code): random bytes written
 * as URL-safe Base64 without padding, of which only the SHA-256 is stored. Never printed.
 */
public final class LinkSecret {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	private LinkSecret(String value) {
		this.value = value;
	}

	/** A new secret of this many random bytes. */
	public static LinkSecret generate(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return new LinkSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
	}

	/**
	 * A secret of this many bytes derived from another one for a purpose: the same every time, and telling
	 * nothing of the secret it comes from (the first bytes of SHA-256 of the purpose and that secret).
	 */
	public LinkSecret derive(String purpose, int bytes) {
		byte[] derived = Arrays.copyOf(sha256(purpose + ':' + this.value), bytes);
		return new LinkSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(derived));
	}

	/**
	 * The secret in a link, if it has the shape of one of this many bytes (anything else was never issued);
	 * says nothing of whether it was issued.
	 */
	public static Optional<LinkSecret> parse(String candidate, int bytes) {
		int length = (bytes * 8 + 5) / 6;
		return candidate != null && candidate.length() == length && candidate.chars().allMatch(LinkSecret::isBase64Url)
				? Optional.of(new LinkSecret(candidate)) : Optional.empty();
	}

	/** What goes into the link. */
	public String value() {
		return this.value;
	}

	/** What the database keeps. */
	public byte[] hash() {
		return sha256(this.value);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LinkSecret that && MessageDigest.isEqual(
				this.value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	// Never print the secret: logs and error pages are read by more people than the mail is.
	@Override
	public String toString() {
		return "LinkSecret[…]";
	}

	private static boolean isBase64Url(int c) {
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
	}

}
