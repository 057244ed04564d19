package io.tsunagu.mail;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a message when it is queued, in the recipient's language, with absolute links built from
 * the configured base URL: what is stored is exactly what is sent.
 */
@Component
class MailRenderer {

	record Rendered(String subject, String html, String text) {
	}

	private final SpringTemplateEngine templates;

	private final MessageSource messages;

	private final String baseUrl;

	private final ZoneId zone;

	MailRenderer(SpringTemplateEngine templates, MessageSource messages, @Value("${tsunagu.base-url}") String baseUrl,
			@Value("${tsunagu.zone}") ZoneId zone) {
		this.templates = templates;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.zone = zone;
	}

	Rendered render(MailRequest request) {
		Map<String, Object> variables = new HashMap<>(request.model());
		variables.put("baseUrl", this.baseUrl);
		variables.put("zone", this.zone);
		variables.put("recipientName", request.recipientName() == null ? request.recipient() : request.recipientName());
		variables.put("recipient", request.recipient());
		String subject = this.messages.getMessage("mail." + request.kind() + ".subject", request.subjectArguments(),
				request.locale());
		variables.put("subject", subject);
		Context context = new Context(request.locale(), variables);
		String html = this.templates.process("mail/" + request.kind(), context);
		String text = this.templates.process("mail/" + request.kind() + ".txt", context);
		return new Rendered(subject, html, text);
	}

}
