package io.tsunagu.directory;

/**
 * An employee's rank; approvers are found by rank and the org chart.
 */
public enum Rank {

	EXECUTIVE, OFFICER, MANAGER, STAFF

}
