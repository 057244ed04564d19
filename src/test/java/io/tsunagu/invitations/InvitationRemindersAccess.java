package io.tsunagu.invitations;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run the invitation reminders' check when they want one.
 */
public final class InvitationRemindersAccess {

	private final InvitationReminders reminders;

	public InvitationRemindersAccess(ApplicationContext context) {
		this.reminders = context.getBean(InvitationReminders.class);
	}

	public int remindDue() {
		return this.reminders.remindDue();
	}

}
