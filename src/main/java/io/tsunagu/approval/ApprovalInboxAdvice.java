package io.tsunagu.approval;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.tsunagu.accounts.TsunaguUser;

/**
 * Puts the number of steps waiting for the signed-in person into every page, for the navigation's
 * badge.
 */
@ControllerAdvice
class ApprovalInboxAdvice {

	private final Approvals approvals;

	ApprovalInboxAdvice(Approvals approvals) {
		this.approvals = approvals;
	}

	@ModelAttribute("approvalInboxCount")
	long approvalInboxCount(@AuthenticationPrincipal TsunaguUser user) {
		return user == null || user.getEmployeeId() == null ? 0 : this.approvals.inboxCount(user.getEmployeeId());
	}

}
