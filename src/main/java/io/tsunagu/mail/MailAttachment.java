package io.tsunagu.mail;

import java.util.Arrays;

/**
 * A part of a message besides its bodies, such as an iCalendar invitation.
 */
public record MailAttachment(String filename, String contentType, byte[] content) {

	public MailAttachment {
		if (filename == null || filename.isBlank() || contentType == null || contentType.isBlank() || content == null) {
			throw new IllegalArgumentException("An attachment needs a file name, a content type and content");
		}
		content = content.clone();
	}

	@Override
	public byte[] content() {
		return this.content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MailAttachment that && this.filename.equals(that.filename)
				&& this.contentType.equals(that.contentType) && Arrays.equals(this.content, that.content);
	}

	@Override
	public int hashCode() {
		return 31 * this.filename.hashCode() + Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return "MailAttachment[" + this.filename + ", " + this.contentType + ", " + this.content.length + " bytes]";
	}

}
