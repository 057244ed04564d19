package io.tsunagu.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRounds extends JpaRepository<ApprovalRound, Long> {

	@EntityGraph(attributePaths = "steps")
	List<ApprovalRound> findByPlanIdOrderByRoundNumberDesc(long planId);

	@EntityGraph(attributePaths = "steps")
	Optional<ApprovalRound> findByPlanIdAndStatus(long planId, RoundStatus status);

	@Query("select coalesce(max(r.roundNumber), 0) from ApprovalRound r where r.planId = :planId")
	int lastRoundNumber(long planId);

}
