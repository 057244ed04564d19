package io.tsunagu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.tsunagu.approval.Approvals;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.OrgChart;
import io.tsunagu.planning.ApprovedEvents;
import io.tsunagu.planning.Plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sessions live in the database, so whatever a request leaves in one (flash attributes above all) is
 * serialized when the request ends. Every POST the application maps is sent here without htmx and
 * with empty or wrong input, the paths that put forms and their errors in the flash, and what it left
 * in the flash and the session must serialize.
 */
@TsunaguTest
class SessionSerializationTests {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	SessionRepository<?> store;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Plans plans;

	@Autowired
	Approvals approvals;

	@Autowired
	Directory directory;

	@Autowired
	OrgChart orgChart;

	@Test
	void theSessionStoreRefusesWhatCannotBeSerialized() {
		Session session = sessions().createSession();
		session.setAttribute("not-serializable", new Object());
		assertThatThrownBy(() -> sessions().save(session)).rootCause().hasMessageContaining("Serializable");
	}

	@Test
	void everyPostLeavesOnlySerializableThingsInTheFlashAndTheSession() throws Exception {
		Map<String, String> values = fixture();
		List<String> walked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, ?> mapping : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				MockHttpServletRequestBuilder request = post(expand(pattern, values)).with(csrf());
				info.getParamsCondition().getExpressions().forEach(param -> request.param(param.getName(), "1"));
				if (pattern.startsWith("/admin/")) {
					request.with(user(this.users.loadUserByUsername("admin@tsunagu.example")));
				}
				else if (!pattern.startsWith("/rsvp/") && !pattern.startsWith("/password")) {
					request.with(user(this.users.loadUserByUsername(ApprovedEvents.ORGANISER)));
				}
				// Wrong input: a form's required title left blank, everything else missing.
				request.param("title", "");
				MvcResult result;
				try {
					result = this.mvc.perform(request).andReturn();
				}
				catch (Exception ex) {
					throw new AssertionError("POST " + pattern + " failed", ex);
				}
				assertThat(result.getResponse().getStatus()).as(pattern).isLessThan(500);
				assertSerializable(pattern, result);
				walked.add(pattern + " " + info.getParamsCondition());
			}
		}
		assertThat(walked).as("the POSTs walked").hasSizeGreaterThanOrEqualTo(25).anyMatch(p -> p.startsWith("/plans/{id}/tasks "));

		// Logging in keeps the person and their language in the session; a language switch keeps the choice.
		MvcResult login = this.mvc
			.perform(formLogin("/login").userParameter("email").user(ApprovedEvents.ORGANISER).password("tsunagu-demo"))
			.andReturn();
		assertSerializable("/login", login);
		Cookie session = login.getResponse().getCookie("SESSION");
		assertSerializable("/plans?lang=en", this.mvc.perform(get("/plans").param("lang", "en").cookie(session)).andReturn());
	}

	private Map<String, String> fixture() {
		ApprovedEvents events = new ApprovedEvents(this.plans, this.approvals, this.directory, this.orgChart);
		long plan = events.anApprovedEvent("セッション確認会 " + System.nanoTime() % 100000, 20);
		this.jdbc.sql("INSERT INTO preparation_tasks (plan_id, title) VALUES (?, '会場の下見')").param(plan).update();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("id", Long.toString(plan));
		values.put("taskId", query("SELECT max(id) FROM preparation_tasks WHERE plan_id = " + plan));
		values.put("employeeId", Long.toString(events.organiser().id()));
		values.put("invitationId", query("SELECT coalesce(max(id), 1) FROM invitations"));
		values.put("stepId", query("SELECT max(s.id) FROM approval_steps s JOIN approval_rounds r ON r.id = s.round_id WHERE r.plan_id = " + plan));
		values.put("token", "A".repeat(43));
		values.put("mail", query("SELECT coalesce(max(id), 1) FROM mail_outbox"));
		values.put("code", "A".repeat(22));
		return values;
	}

	private String query(String sql) {
		return String.valueOf(this.jdbc.sql(sql).query(Long.class).single());
	}

	private static String expand(String pattern, Map<String, String> values) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String name = pattern.startsWith("/admin/outbox/") && variable.group(1).equals("id") ? "mail" : variable.group(1);
			assertThat(values).as("a value for {" + name + "} in " + pattern).containsKey(name);
			variable.appendReplacement(path, values.get(name));
		}
		return variable.appendTail(path).toString();
	}

	private void assertSerializable(String what, MvcResult result) throws IOException {
		if (result.getFlashMap() != null) {
			result.getFlashMap().forEach((name, value) -> assertThat(serializes(value)).as(what + " flash " + name).isTrue());
		}
		Cookie cookie = result.getResponse().getCookie("SESSION");
		if (cookie == null || cookie.getValue().isEmpty()) {
			return;
		}
		String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
		Session stored = sessions().findById(id);
		assertThat(stored).as(what + " stored its session").isNotNull();
		for (String name : stored.getAttributeNames()) {
			assertThat(serializes(stored.getAttribute(name))).as(what + " session " + name).isTrue();
		}
	}

	@SuppressWarnings("unchecked")
	private SessionRepository<Session> sessions() {
		return (SessionRepository<Session>) this.store;
	}

	private static boolean serializes(Object value) {
		try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
			out.writeObject(value);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
