package io.tsunagu.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Invitations extends JpaRepository<Invitation, Long> {

	Optional<Invitation> findByIdAndPlanId(long id, long planId);

	List<Invitation> findByWaveIdOrderById(long waveId);

	/**
	 * The invitation to answer, locked until the answer is committed: two taps on the answer button (or
	 * two devices) answer one after the other instead of colliding on the version.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invitation i where i.id = :id")
	Optional<Invitation> findForAnswer(long id);

	List<Invitation> findByPlanIdOrderById(long planId);

	/**
	 * Notes the first time the answer page was opened, for the organiser's funnel. A plain update that
	 * leaves the version alone: looking at the page must not collide with answering it.
	 */
	@Modifying
	@Query("update Invitation i set i.firstOpenedAt = :now where i.id = :id and i.firstOpenedAt is null")
	int markOpened(long id, Instant now);

	@Query("""
			select new io.tsunagu.invitations.WaveFunnel(w.id, w.kind, w.sentAt, count(i), count(i.firstOpenedAt),
			       count(i.answeredAt),
			       sum(case when i.answer = io.tsunagu.invitations.Answer.ATTENDING then 1 else 0 end),
			       sum(case when i.answer = io.tsunagu.invitations.Answer.WAITLISTED then 1 else 0 end),
			       sum(case when i.answer = io.tsunagu.invitations.Answer.DECLINED then 1 else 0 end))
			from InvitationWave w join Invitation i on i.waveId = w.id
			where w.planId = :planId and w.status = io.tsunagu.invitations.InvitationWave.Status.SENT
			group by w.id, w.kind, w.sentAt order by w.id""")
	List<WaveFunnel> funnel(long planId);

	List<Invitation> findByPlanIdAndAnswerOrderByAnsweredAtAscIdAsc(long planId, Answer answer);

	boolean existsByPlanIdAndEmployeeId(long planId, long employeeId);

	/** Everyone invited to the event, by any wave, sent or still being written. */
	@Query("select i.employeeId from Invitation i where i.planId = :planId")
	List<Long> employeeIdsByPlanId(long planId);

	@Query("select i.employeeId from Invitation i where i.planId = :planId and i.answer = :answer")
	List<Long> employeeIdsByPlanIdAndAnswer(long planId, Answer answer);

}
