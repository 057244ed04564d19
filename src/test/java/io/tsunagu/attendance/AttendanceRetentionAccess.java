package io.tsunagu.attendance;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run the purge of check-in codes and taps.
 */
public final class AttendanceRetentionAccess {

	private final AttendanceRetention retention;

	public AttendanceRetentionAccess(ApplicationContext context) {
		this.retention = context.getBean(AttendanceRetention.class);
	}

	public int purge() {
		return this.retention.purge();
	}

}
