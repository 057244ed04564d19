package io.tsunagu.attendance;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Who came to an event, as a spreadsheet for its organisers; to anyone else the event does not exist. */
@Controller
class TurnoutController {

	private final TurnoutReader turnouts;

	private final MessageSource messages;

	TurnoutController(TurnoutReader turnouts, MessageSource messages) {
		this.turnouts = turnouts;
		this.messages = messages;
	}

	@GetMapping("/plans/{id}/came.csv")
	ResponseEntity<byte[]> whoCame(@PathVariable long id, @AuthenticationPrincipal(expression = "employeeId") Long me,
			Locale locale) {
		if (me == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String csv = this.turnouts.whoCameCsv(id, me, key -> this.messages.getMessage(key, null, locale), locale)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("came-" + id + ".csv").build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

}
