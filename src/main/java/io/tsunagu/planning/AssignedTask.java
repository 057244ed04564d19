package io.tsunagu.planning;

import java.time.LocalDate;

/**
 * A preparation task handed to a helper, as their home page lists it.
 */
public record AssignedTask(long taskId, long planId, String planTitle, String title, LocalDate dueOn, TaskStatus status) {
}
