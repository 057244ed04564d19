package io.tsunagu.approval;

import java.time.Instant;

/** An open step as the home page lists it, read without its round's collections. */
record WaitingStep(long stepId, long planId, String planTitle, long leadId, StepRole role, int round, int planRevision,
		Instant openedAt) {
}
