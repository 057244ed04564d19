package io.tsunagu.network;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such tie or plan for the person asking: someone they are not tied to, or a plan they do not organise,
 * answers as if it did not exist, so that nobody learns about another person's network by trying ids.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NetworkNotFound extends RuntimeException {

	NetworkNotFound() {
		super("Not found");
	}

}
