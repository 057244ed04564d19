-- The home page lists a person's own invitations (waiting for their answer, events they attend): an index
-- on the invitee, so that the lists read that person's rows only, at any size of the company.
CREATE INDEX invitations_by_employee ON invitations (employee_id, answer);
