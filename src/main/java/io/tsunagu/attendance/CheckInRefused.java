package io.tsunagu.attendance;

import org.springframework.http.HttpStatus;

/** A check-in the rules do not allow; carries a message key for the page. */
class CheckInRefused extends RuntimeException {

	private final String messageKey;

	CheckInRefused(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

	/** How a page or an endpoint answers: no such event, not yours, or not now. */
	HttpStatus status() {
		return switch (this.messageKey) {
			case "attendance.refused.unknownEvent" -> HttpStatus.NOT_FOUND;
			case "attendance.refused.notOrganiser" -> HttpStatus.FORBIDDEN;
			case "attendance.refused.badTap" -> HttpStatus.BAD_REQUEST;
			default -> HttpStatus.CONFLICT;
		};
	}

}
