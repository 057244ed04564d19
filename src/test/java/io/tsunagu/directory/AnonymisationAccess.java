package io.tsunagu.directory;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules run the anonymisation pass when they want one.
 */
public final class AnonymisationAccess {

	private final Anonymisation anonymisation;

	public AnonymisationAccess(ApplicationContext context) {
		this.anonymisation = context.getBean(Anonymisation.class);
	}

	public int anonymiseDue() {
		return this.anonymisation.anonymiseDue();
	}

}
