package io.tsunagu.network;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.tsunagu.accounts.TsunaguUser;

/** Tells the navigation whether the signed-in person may open the department map, to show its link. */
@ControllerAdvice
class DepartmentMapAdvice {

	private final MapAccess access;

	DepartmentMapAdvice(MapAccess access) {
		this.access = access;
	}

	@ModelAttribute("departmentMapOpen")
	boolean departmentMapOpen(@AuthenticationPrincipal TsunaguUser user) {
		return user != null && this.access.of(user).isPresent();
	}

}
