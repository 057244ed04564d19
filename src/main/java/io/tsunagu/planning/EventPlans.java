package io.tsunagu.planning;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EventPlans extends JpaRepository<EventPlan, Long> {

	/** The plans someone leads, co-organises or helps with, soonest first. */
	@Query("""
			select distinct p from EventPlan p left join p.coOrganiserIds c
			where p.leadId = :employeeId or c = :employeeId
			   or exists (select t from PreparationTask t where t.planId = p.id and t.assigneeId = :employeeId)
			order by p.startsAt desc, p.id desc""")
	List<EventPlan> findInvolving(long employeeId);

	/**
	 * The plan, locked until the end of the transaction: invitations going out and a move or cancellation
	 * of the event take their turns, so that each sees what the other did.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from EventPlan p where p.id = :id")
	Optional<EventPlan> findForUpdate(long id);

	/** The plans whose organisers asked this person to join the team and wait for an answer. */
	@Query("""
			select p from EventPlan p join p.proposedCoOrganiserIds c
			where c = :employeeId order by p.startsAt, p.id""")
	List<EventPlan> findProposedTo(long employeeId);

	/** The id and title of each of these plans that exists (without their collections). */
	@Query("select p.id, p.title from EventPlan p where p.id in :ids")
	List<Object[]> findTitles(java.util.Collection<Long> ids);

	/** The highest edition number of a series so far; 0 for none. */
	@Query("select coalesce(max(p.edition), 0) from EventPlan p where p.seriesId = :seriesId")
	int lastEdition(long seriesId);

	/** The editions of a series, in their order. */
	List<EventPlan> findBySeriesIdOrderByEditionAscIdAsc(long seriesId);

	List<EventPlan> findByStatusAndStartsAtAfterOrderByStartsAt(PlanStatus status, java.time.Instant after);

	/** The ids of the plans in these states that ended in the range, the first ended first. */
	@Query("""
			select p.id from EventPlan p
			where p.status in :statuses and p.endsAt >= :from and p.endsAt < :until
			order by p.endsAt, p.id""")
	List<Long> findIdsEndedBetween(java.util.Collection<PlanStatus> statuses, java.time.Instant from,
			java.time.Instant until);

}
