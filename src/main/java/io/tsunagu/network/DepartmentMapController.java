package io.tsunagu.network;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tsunagu.accounts.TsunaguUser;

/**
 * The department map for executives, officers and administrators (the whole map) and for the head of a
 * department (its row); everyone else is refused. A period or department that cannot be shown is said
 * so, and the default map is shown instead (the file answers 400 with the reason).
 */
@Controller
class DepartmentMapController {

	/** How many quarters back the period's choices reach. */
	private static final int CHOICES = 16;

	private final DepartmentMaps maps;

	private final MapAccess access;

	private final MessageSource messages;

	DepartmentMapController(DepartmentMaps maps, MapAccess access, MessageSource messages) {
		this.maps = maps;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/network/map")
	String map(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String department, @AuthenticationPrincipal TsunaguUser user, Locale locale,
			Model model) {
		Asked asked = asked(user, from, to, department);
		DepartmentMapPage page = this.maps.view(asked.period(), asked.only(), user.getEmail(), "view", locale);
		model.addAttribute("page", page);
		model.addAttribute("heatmapRows",
				HeatmapRows.html(page, this.messages.getMessage("network.map.fewerThanFive", null, locale)));
		model.addAttribute("problem", asked.problem());
		model.addAttribute("quarters", choices());
		return "network/map";
	}

	@GetMapping("/network/map.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String department, @AuthenticationPrincipal TsunaguUser user,
			Locale locale) {
		Asked asked = asked(user, from, to, department);
		if (asked.problem() != null) {
			return ResponseEntity.badRequest()
				.contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
				.body(this.messages.getMessage(asked.problem(), null, locale).getBytes(StandardCharsets.UTF_8));
		}
		DepartmentMapPage page = this.maps.view(asked.period(), asked.only(), user.getEmail(), "csv", locale);
		String csv = DepartmentMapCsv.of(page, key -> this.messages.getMessage(key, null, locale));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("department-map-" + page.period().from() + "-" + page.period().to() + ".csv")
				.build()
				.toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	/** The period and rows asked, or the default ones with the key of what was wrong with the request. */
	private Asked asked(TsunaguUser user, String from, String to, String department) {
		MapAccess.Scope scope = this.access.of(user).orElseThrow(() -> new AccessDeniedException("Not a leader"));
		Quarter now = this.maps.now();
		String problem = null;
		MapPeriod period;
		try {
			period = MapPeriod.asked(from, to, now);
		}
		catch (MapPeriod.Refused refused) {
			period = MapPeriod.lastYear(now);
			problem = refused.messageKey();
		}
		Long only = scope.whole() ? null : scope.departments().get(0);
		if (department != null && !department.isBlank()) {
			Long asked = this.maps.departmentId(department.strip()).orElse(null);
			if (asked == null) {
				problem = problem == null ? "network.map.department.unknown" : problem;
			}
			else if (!scope.mayOpen(asked)) {
				throw new AccessDeniedException("Not the head of " + department);
			}
			else {
				only = asked;
			}
		}
		return new Asked(period, only, problem);
	}

	private List<String> choices() {
		Quarter now = this.maps.now();
		List<String> quarters = new ArrayList<>();
		for (int back = 0; back < CHOICES; back++) {
			quarters.add(now.plus(-back).toString());
		}
		return quarters;
	}

	private record Asked(MapPeriod period, Long only, String problem) {
	}

}
