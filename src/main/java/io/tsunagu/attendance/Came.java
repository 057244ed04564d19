package io.tsunagu.attendance;

import java.time.Instant;

/** Someone checked in at an event; a walk-in was neither attending nor on the waitlist. */
public record Came(long employeeId, boolean walkIn, Instant checkedInAt) {
}
