package io.tsunagu.planning;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new preparation task: what, notes, who helps (by email) and by when. Serializable: after a refused
 * form without htmx it travels to the plan page in the flash, which lives in the session, in the database.
 */
record TaskForm(@NotBlank(message = "{task.title.required}") @Size(max = 200, message = "{task.title.size}") String title,
		@Size(max = 1000, message = "{task.notes.size}") String notes,
		@Size(max = 254, message = "{task.assignee.unknown}") String assignee,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) implements Serializable {

	static TaskForm blank() {
		return new TaskForm(null, null, null, null);
	}

}
