package io.tsunagu.network;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	// Enough for every signed-in person of a large company at once; past it the answers start again.
	private static final int MAX_PEOPLE = 10_000;

	private final MapAccess access;

	private final Map<Long, Answered> answers = new ConcurrentHashMap<>();

	DepartmentMapAdvice(MapAccess access) {
		this.access = access;
	}

	@ModelAttribute("departmentMapOpen")
	boolean departmentMapOpen(@AuthenticationPrincipal TsunaguUser user) {
		if (user == null || user.getEmployeeId() == null || user.isAdmin()) {
			return this.access.of(user).isPresent();
		}
		long now = System.nanoTime();
		Answered answered = this.answers.get(user.getEmployeeId());
		if (answered != null && now - answered.at() < FRESH.toNanos()) {
			return answered.open();
		}
		boolean open = this.access.of(user).isPresent();
		if (this.answers.size() >= MAX_PEOPLE) {
			this.answers.clear();
		}
		this.answers.put(user.getEmployeeId(), new Answered(open, now));
		return open;
	}

	private record Answered(boolean open, long at) {
	}

}
