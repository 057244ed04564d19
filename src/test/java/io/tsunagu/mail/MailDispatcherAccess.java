package io.tsunagu.mail;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run a dispatch when they want one.
 */
public final class MailDispatcherAccess {

	private final MailDispatcher dispatcher;

	public MailDispatcherAccess(ApplicationContext context) {
		this.dispatcher = context.getBean(MailDispatcher.class);
	}

	public int dispatchDue() {
		return this.dispatcher.dispatchDue();
	}

}
