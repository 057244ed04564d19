package io.tsunagu.audit;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AuditController {

	private final AuditEntries entries;

	private final ZoneId zone;

	AuditController(AuditEntries entries, @Value("${tsunagu.zone}") ZoneId zone) {
		this.entries = entries;
		this.zone = zone;
	}

	@GetMapping("/admin/audit")
	String log(AuditSearch search, Model model) {
		model.addAttribute("search", search);
		model.addAttribute("page", this.entries.findAll(search.specification(this.zone), search.pageable()));
		model.addAttribute("actions", this.entries.findDistinctActions());
		return "audit/log";
	}

}
