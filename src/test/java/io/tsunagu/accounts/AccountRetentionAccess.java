package io.tsunagu.accounts;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run the purge of login throttle rows and password links.
 */
public final class AccountRetentionAccess {

	private final AccountRetention retention;

	public AccountRetentionAccess(ApplicationContext context) {
		this.retention = context.getBean(AccountRetention.class);
	}

	public int purge() {
		return this.retention.purge();
	}

}
