package io.tsunagu.attendance;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such event, or not one the person organises: to them the page does not exist, so ids cannot be probed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotOrganised extends RuntimeException {

	NotOrganised() {
		super("No such event among the person's own");
	}

}
