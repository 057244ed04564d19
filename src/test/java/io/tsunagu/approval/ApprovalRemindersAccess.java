package io.tsunagu.approval;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run the reminder check when they want one.
 */
public final class ApprovalRemindersAccess {

	private final ApprovalReminders reminders;

	public ApprovalRemindersAccess(ApplicationContext context) {
		this.reminders = context.getBean(ApprovalReminders.class);
	}

	public int remindDue() {
		return this.reminders.remindDue();
	}

}
