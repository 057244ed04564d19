package io.tsunagu.invitations;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An invitation as its invitee's home page lists it: the event, when and where, and the answer given
 * ({@code PENDING}, {@code ATTENDING} or {@code WAITLISTED}).
 */
public record InvitationCard(long invitationId, long planId, String title, String answer, Instant startsAt,
		Instant rsvpDeadline, ZoneId zone, String venue) {
}
