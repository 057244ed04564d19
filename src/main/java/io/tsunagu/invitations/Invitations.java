package io.tsunagu.invitations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Invitations extends JpaRepository<Invitation, Long> {

	Optional<Invitation> findByTokenHash(byte[] tokenHash);

	Optional<Invitation> findByIdAndPlanId(long id, long planId);

	List<Invitation> findByWaveIdOrderById(long waveId);

	List<Invitation> findByPlanIdOrderById(long planId);

	/**
	 * Notes the first time the answer page was opened, for the organiser's funnel. A plain update that
	 * leaves the version alone: looking at the page must not collide with answering it.
	 */
	@Modifying
	@Query("update Invitation i set i.firstOpenedAt = :now where i.id = :id and i.firstOpenedAt is null")
	int markOpened(long id, Instant now);

	boolean existsByPlanIdAndEmployeeId(long planId, long employeeId);

	long countByPlanIdAndAnswer(long planId, Answer answer);

}
