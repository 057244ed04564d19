package io.tsunagu.audit;

import java.time.ZoneId;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AuditController {

	private final AuditReader reader;

	private final ZoneId zone;

	AuditController(AuditReader reader, @Value("${tsunagu.zone}") ZoneId zone) {
		this.reader = reader;
		this.zone = zone;
	}

	@GetMapping("/admin/audit")
	String log(AuditSearch search, Locale locale, Model model) {
		model.addAttribute("search", search);
		model.addAttribute("page", this.reader.read(search, this.zone, locale));
		model.addAttribute("actions", this.reader.actions(locale));
		return "audit/log";
	}

}
