package io.tsunagu.approval;

/**
 * The three sign-offs of a plan, in the order they are given: from the top down.
 */
public enum StepRole {

	EXECUTIVE, OFFICER, MANAGER

}
