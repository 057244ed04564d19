package io.tsunagu.planning;

/**
 * A plan whose organisers asked someone to join the team, as that person's home page lists it.
 */
public record TeamProposal(long planId, String planTitle, String leadName) {
}
