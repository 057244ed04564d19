package io.tsunagu.invitations;

/**
 * Where an invitee stands: not answered yet, coming, on the waitlist because the event is full, or not coming.
 */
enum Answer {

	PENDING, ATTENDING, WAITLISTED, DECLINED;

	public boolean isAnswered() {
		return this != PENDING;
	}

}
