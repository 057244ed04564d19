package io.tsunagu.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRounds extends JpaRepository<ApprovalRound, Long> {

	// Join fetches rather than entity graphs, whose plans Hibernate translates anew on every execution.
	@Query("select r from ApprovalRound r left join fetch r.steps where r.planId = :planId order by r.roundNumber desc")
	List<ApprovalRound> findByPlanIdOrderByRoundNumberDesc(long planId);

	@Query("select r from ApprovalRound r left join fetch r.steps where r.planId = :planId and r.status = :status")
	Optional<ApprovalRound> findByPlanIdAndStatus(long planId, RoundStatus status);

	@Query("select coalesce(max(r.roundNumber), 0) from ApprovalRound r where r.planId = :planId")
	int lastRoundNumber(long planId);

}
