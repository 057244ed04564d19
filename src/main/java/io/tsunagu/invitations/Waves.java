package io.tsunagu.invitations;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Waves extends JpaRepository<InvitationWave, Long> {

	Optional<InvitationWave> findByPlanIdAndKindAndStatus(long planId, InvitationWave.Kind kind,
			InvitationWave.Status status);

	List<InvitationWave> findByPlanIdOrderById(long planId);

	boolean existsByPlanId(long planId);

	boolean existsByPlanIdAndKindAndStatus(long planId, InvitationWave.Kind kind, InvitationWave.Status status);

}
