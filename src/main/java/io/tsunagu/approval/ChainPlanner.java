package io.tsunagu.approval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import io.tsunagu.directory.Approvers;
import io.tsunagu.directory.EmployeeRef;

/**
 * Turns a department's approvers into the steps of a round. Nobody signs off a plan they organise:
 * such a step goes to the person they report to (and further up while that person organises it too),
 * who decides it as a step of its own, even when they hold an earlier step too: joining the team must
 * never take a step out of the chain. Only where the org chart itself names one person for two roles
 * is the later step skipped, and the chain says so.
 */
final class ChainPlanner {

	record PlannedStep(StepRole role, EmployeeRef approver, EmployeeRef insteadOf, boolean skipped) {
	}

	private ChainPlanner() {
	}

	static List<PlannedStep> plan(Approvers approvers, Set<Long> organisers, LongFunction<Optional<EmployeeRef>> reportsTo) {
		List<PlannedStep> steps = new ArrayList<>();
		Set<Long> signing = new HashSet<>();
		step(steps, signing, StepRole.EXECUTIVE, approvers.executive(), organisers, reportsTo);
		step(steps, signing, StepRole.OFFICER, approvers.officer(), organisers, reportsTo);
		step(steps, signing, StepRole.MANAGER, approvers.manager(), organisers, reportsTo);
		return steps;
	}

	private static void step(List<PlannedStep> steps, Set<Long> signing, StepRole role, EmployeeRef holder,
			Set<Long> organisers, LongFunction<Optional<EmployeeRef>> reportsTo) {
		EmployeeRef approver = holder;
		Set<Long> seen = new HashSet<>();
		while (organisers.contains(approver.id())) {
			if (!seen.add(approver.id())) {
				throw new SubmissionRefused("approval.gap.nobodyAbove", holder.name());
			}
			approver = reportsTo.apply(approver.id())
				.orElseThrow(() -> new SubmissionRefused("approval.gap.nobodyAbove", holder.name()));
		}
		EmployeeRef insteadOf = approver.id() == holder.id() ? null : holder;
		boolean signsAlready = !signing.add(holder.id());
		steps.add(new PlannedStep(role, approver, insteadOf, insteadOf == null && signsAlready));
	}

}
