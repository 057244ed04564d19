package io.tsunagu.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.tsunagu.accounts.TsunaguUser;
import io.tsunagu.approval.Approvals;
import io.tsunagu.invitations.MyInvitations;
import io.tsunagu.planning.MyPlans;
import io.tsunagu.planning.Plans;

@Controller
class HomeController {

	/** How many of each kind the home page shows; a link leads to the rest. */
	static final int CARD_SIZE = 5;

	private final Plans plans;

	private final Approvals approvals;

	private final MyPlans myPlans;

	private final MyInvitations invitations;

	HomeController(Plans plans, Approvals approvals, MyPlans myPlans, MyInvitations invitations) {
		this.plans = plans;
		this.myPlans = myPlans;
		this.approvals = approvals;
		this.invitations = invitations;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal TsunaguUser user, Model model) {
		if (user != null && user.getEmployeeId() != null) {
			model.addAttribute("myTasks", this.plans.tasksAssignedTo(user.getEmployeeId()));
			model.addAttribute("teamProposals", this.plans.teamProposalsFor(user.getEmployeeId()));
			// What waits for me: one bounded, indexed query per card.
			model.addAttribute("approvals", this.approvals.waitingFor(user.getEmployeeId(), CARD_SIZE));
			model.addAttribute("myPlans", this.myPlans.goingOn(user.getEmployeeId(), CARD_SIZE));
			model.addAttribute("toAnswer", this.invitations.awaitingAnswer(user.getEmployeeId(), 0, CARD_SIZE));
			model.addAttribute("attending", this.invitations.attending(user.getEmployeeId(), 0, CARD_SIZE));
		}
		return "home";
	}

}
