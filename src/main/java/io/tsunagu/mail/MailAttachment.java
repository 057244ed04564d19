package io.tsunagu.mail;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A part of a message besides its bodies, such as an iCalendar invitation. A part with a Content-ID is
 * shown inside the HTML, which refers to it as {@code cid:<contentId>} (an image); one without is an
 * attachment.
 */
public record MailAttachment(String filename, String contentType, byte[] content, String contentId) {

	// Becomes a header value and a URL in the HTML: no spaces, brackets or quotes.
	private static final Pattern CONTENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	public MailAttachment {
		if (filename == null || filename.isBlank() || contentType == null || contentType.isBlank() || content == null) {
			throw new IllegalArgumentException("An attachment needs a file name, a content type and content");
		}
		if (contentId != null && !CONTENT_ID.matcher(contentId).matches()) {
			throw new IllegalArgumentException("Not a Content-ID: " + contentId);
		}
		content = content.clone();
	}

	/** An attachment. */
	public MailAttachment(String filename, String contentType, byte[] content) {
		this(filename, contentType, content, null);
	}

	/** A part the HTML shows where it says {@code src="cid:<contentId>"}. */
	public static MailAttachment inline(String contentId, String filename, String contentType, byte[] content) {
		return new MailAttachment(filename, contentType, content, Objects.requireNonNull(contentId));
	}

	public boolean isInline() {
		return this.contentId != null;
	}

	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MailAttachment that && this.filename.equals(that.filename)
				&& this.contentType.equals(that.contentType) && Arrays.equals(this.content, that.content)
				&& Objects.equals(this.contentId, that.contentId);
	}

	@Override
	public int hashCode() {
		return 31 * this.filename.hashCode() + Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return "MailAttachment[" + this.filename + ", " + this.contentType + ", " + this.content.length + " bytes"
				+ (this.contentId == null ? "" : ", cid " + this.contentId) + "]";
	}

}
