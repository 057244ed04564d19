package io.tsunagu.invitations;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run the purge of answer-link misses.
 */
public final class RsvpMissesAccess {

	private final RsvpMisses misses;

	public RsvpMissesAccess(ApplicationContext context) {
		this.misses = context.getBean(RsvpMisses.class);
	}

	public int purge() {
		return this.misses.purge();
	}

}
