package io.tsunagu.planning;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PreparationTasks extends JpaRepository<PreparationTask, Long> {

	List<PreparationTask> findByPlanIdOrderByDueOnAscIdAsc(long planId);

	Optional<PreparationTask> findByIdAndPlanId(long id, long planId);

	boolean existsByPlanIdAndAssigneeId(long planId, long assigneeId);

	@Query("""
			select new io.tsunagu.planning.AssignedTask(t.id, p.id, p.title, t.title, t.dueOn, t.status)
			from PreparationTask t, EventPlan p
			where p.id = t.planId and t.assigneeId = :employeeId and t.status <> io.tsunagu.planning.TaskStatus.DONE
			  and p.status not in (io.tsunagu.planning.PlanStatus.REJECTED, io.tsunagu.planning.PlanStatus.CANCELLED,
			                       io.tsunagu.planning.PlanStatus.HELD, io.tsunagu.planning.PlanStatus.CLOSED)
			order by t.dueOn asc nulls last, t.id asc""")
	List<AssignedTask> findOpenAssignedTo(long employeeId);

}
