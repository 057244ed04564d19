package io.tsunagu.invitations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such plan, employee, wave or invitation here. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class InvitationNotFound extends RuntimeException {

	InvitationNotFound() {
		super("Not found");
	}

}
