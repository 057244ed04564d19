package io.tsunagu.approval;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The decision form: what the approver decides, their comment or direction, and the plan revision
 * they read.
 */
record DecisionForm(@NotNull(message = "{decision.kind.required}") DecisionKind kind,
		@Size(max = 2000, message = "{decision.comment.size}") String comment, int revision) {

	@AssertTrue(message = "{decision.comment.required}")
	public boolean isCommentGivenWhereNeeded() {
		return this.kind == null || !this.kind.needsComment() || (this.comment != null && !this.comment.isBlank());
	}

}
