package io.tsunagu.mail;

/**
 * A message went into the outbox; once the transaction commits the dispatcher need not wait for
 * its next poll.
 */
record MailQueued(long id) {
}
