-- The organiser's short, friendly reply to a decline: one per invitation, whatever the invitee does later.
ALTER TABLE invitations ADD COLUMN decline_replied_at TIMESTAMPTZ;
