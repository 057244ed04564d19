package io.tsunagu.invitations;

import java.util.Optional;

/**
 * The secret in an invitation's answer link: 256 random bits, URL-safe Base64 without padding. Only
 * its SHA-256 is stored with the invitation. The whole link is in the mail's body in the outbox until
 * it is sent; with an SMTP server the bodies of sent mail are emptied after
 * {@code tsunagu.mail.sent-body-retention} (1h), and from then on a copy of the database opens no
 * invitation (AnswerLinksAtRestTests). The built-in mailbox of the default mode keeps the bodies: it
 * is where that mail is read.
 */
final class RsvpToken {

	private static final int BYTES = 32;

	private final LinkSecret secret;

	private RsvpToken(LinkSecret secret) {
		this.secret = secret;
	}

	static RsvpToken generate() {
		return new RsvpToken(LinkSecret.generate(BYTES));
	}

	/** The token in a link, if it has the shape of one; says nothing of whether it was issued. */
	static Optional<RsvpToken> parse(String candidate) {
		return LinkSecret.parse(candidate, BYTES).map(RsvpToken::new);
	}

	/** The secret itself, for what is derived from it (the check-in code of the answer page). */
	LinkSecret secret() {
		return this.secret;
	}

	/** What goes into the link. */
	String value() {
		return this.secret.value();
	}

	/** What the database keeps. */
	byte[] hash() {
		return this.secret.hash();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RsvpToken that && this.secret.equals(that.secret);
	}

	@Override
	public int hashCode() {
		return this.secret.hashCode();
	}

	// Never print the secret: logs and error pages are read by more people than invitations are.
	@Override
	public String toString() {
		return "RsvpToken[…]";
	}

}
