package io.tsunagu.network;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such plan, or not one this person organises: to them it does not exist. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class SuggestionsNotFound extends RuntimeException {

	SuggestionsNotFound() {
		super("No such plan");
	}

}
