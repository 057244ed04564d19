package io.tsunagu.invitations;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.Directory;

/**
 * Counts who has said yes to an event with two queries, however many invitees read the counts: the
 * attendees' ids, then one grouped count by department in the directory.
 */
@Component
class Attendances {

	private final Invitations invitations;

	private final Directory directory;

	Attendances(Invitations invitations, Directory directory) {
		this.invitations = invitations;
		this.directory = directory;
	}

	@Transactional(readOnly = true)
	Attendance of(long planId) {
		List<Long> attending = this.invitations.employeeIdsByPlanIdAndAnswer(planId, Answer.ATTENDING);
		return new Attendance(attending.size(), this.directory.countByDepartment(attending));
	}

}
