package io.tsunagu.approval;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.tsunagu.accounts.TsunaguUser;

/**
 * Puts the number of steps waiting for the signed-in person into every page, for the navigation's
 * badge (counted every few seconds at most, see {@link InboxBadges}).
 */
@ControllerAdvice
class ApprovalInboxAdvice {

	private final InboxBadges badges;

	ApprovalInboxAdvice(InboxBadges badges) {
		this.badges = badges;
	}

	@ModelAttribute("approvalInboxCount")
	long approvalInboxCount(@AuthenticationPrincipal TsunaguUser user) {
		return user == null || user.getEmployeeId() == null ? 0 : this.badges.of(user.getEmployeeId());
	}

}
