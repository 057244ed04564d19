package io.tsunagu.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.tsunagu.accounts.TsunaguUser;
import io.tsunagu.planning.Plans;

@Controller
class HomeController {

	private final Plans plans;

	HomeController(Plans plans) {
		this.plans = plans;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal TsunaguUser user, Model model) {
		if (user != null && user.getEmployeeId() != null) {
			model.addAttribute("myTasks", this.plans.tasksAssignedTo(user.getEmployeeId()));
			model.addAttribute("teamProposals", this.plans.teamProposalsFor(user.getEmployeeId()));
		}
		return "home";
	}

}
