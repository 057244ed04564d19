package io.tsunagu.network;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.tsunagu.accounts.TsunaguUser;

/**
 * Tells the navigation whether the signed-in person may open the department map, to show its link: asked
 * of the directory at most every few seconds per person instead of on every page (who heads a department
 * changes with an org chart import). The map itself checks afresh when it is opened.
 */
@ControllerAdvice
class DepartmentMapAdvice {

	static final Duration FRESH = Duration.ofSeconds(10);

	// Enough for every signed-in person of a large company at once; past it the least used are asked again.
	private static final int MAX_PEOPLE = 10_000;

	private final MapAccess access;

	private final Cache<Long, Boolean> answers = Caffeine.newBuilder()
		.expireAfterWrite(FRESH)
		.maximumSize(MAX_PEOPLE)
		.build();

	DepartmentMapAdvice(MapAccess access) {
		this.access = access;
	}

	@ModelAttribute("departmentMapOpen")
	boolean departmentMapOpen(@AuthenticationPrincipal TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null || user.isAdmin()) {
			return this.access.of(user).isPresent();
		}
		return this.answers.get(user.getEmployeeId(), id -> this.access.of(user).isPresent());
	}

}
