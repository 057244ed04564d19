package io.tsunagu.invitations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The invitee's answer: attend or decline, and an optional note to the organisers. */
record AnswerForm(@NotNull Answer answer, @Size(max = Invitation.MAX_NOTE) String note) {
}
