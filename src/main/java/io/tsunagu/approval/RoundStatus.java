package io.tsunagu.approval;

/**
 * Where one submission of a plan stands.
 */
public enum RoundStatus {

	OPEN, APPROVED, CHANGES_REQUESTED, REJECTED, WITHDRAWN

}
