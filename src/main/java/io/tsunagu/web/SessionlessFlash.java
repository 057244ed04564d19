package io.tsunagu.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.WebUtils;

/**
 * The message shown after a redirect, for someone without a session (the invitee answering from the
 * link in their mail): kept in a short-lived cookie for the page redirected to, so that answering opens
 * no session in the database. Only a message key, its level and its arguments travel this way, all
 * read back as text; anything else, and everybody with a session, use the session as before.
 */
@Component("flashMapManager")
class SessionlessFlash extends SessionFlashMapManager {

	static final String COOKIE = "FLASH";

	private static final Set<String> CARRIED = Set.of("flash", "flashLevel", "flashArgs");

	private static final int SECONDS = 180;

	SessionlessFlash() {
		setFlashMapTimeout(SECONDS);
	}

	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		List<FlashMap> inSession = super.retrieveFlashMaps(request);
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		if (cookie == null || request.getSession(false) != null && inSession != null) {
			return inSession;
		}
		List<FlashMap> maps = inSession != null ? new ArrayList<>(inSession) : new ArrayList<>();
		maps.add(read(cookie.getValue(), request.getRequestURI()));
		return maps;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		boolean cookieSent = WebUtils.getCookie(request, COOKIE) != null;
		if (request.getSession(false) == null && flashMaps.stream().allMatch(SessionlessFlash::carriable)) {
			if (!flashMaps.isEmpty()) {
				FlashMap last = flashMaps.get(flashMaps.size() - 1);
				write(response, request, last.getTargetRequestPath(), write(last), SECONDS);
			}
			else if (cookieSent) {
				write(response, request, request.getRequestURI(), "", 0);
			}
			return;
		}
		if (cookieSent) {
			write(response, request, request.getRequestURI(), "", 0);
		}
		super.updateFlashMaps(flashMaps, request, response);
	}

	/**
	 * The session's mutex only where there is a session: the default opens one for the lock alone,
	 * before {@link #updateFlashMaps} could send the message in a cookie instead.
	 */
	@Override
	protected Object getFlashMapsMutex(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null ? WebUtils.getSessionMutex(session) : null;
	}

	private static boolean carriable(FlashMap map) {
		return map.getTargetRequestPath() != null && CARRIED.containsAll(map.keySet())
				&& map.values().stream().allMatch(value -> value instanceof String || value instanceof Object[] args
						&& List.of(args).stream().allMatch(arg -> arg instanceof String || arg instanceof Number));
	}

	private static String write(FlashMap map) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			Object[] values = entry.getValue() instanceof Object[] args ? args : new Object[] { entry.getValue() };
			for (Object value : values) {
				text.append(text.isEmpty() ? "" : "&").append(entry.getKey()).append('=')
					.append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private FlashMap read(String value, String path) {
		FlashMap map = new FlashMap();
		map.setTargetRequestPath(path);
		map.startExpirationPeriod(SECONDS);
		List<String> args = new ArrayList<>();
		try {
			for (String pair : new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("&")) {
				int equals = pair.indexOf('=');
				String key = equals < 0 ? pair : pair.substring(0, equals);
				String text = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				if ("flashArgs".equals(key)) {
					args.add(text);
				}
				else if (CARRIED.contains(key)) {
					map.put(key, text);
				}
			}
		}
		catch (IllegalArgumentException unreadable) {
			map.clear();
		}
		if (!args.isEmpty() && map.containsKey("flash")) {
			map.put("flashArgs", args.toArray());
		}
		return map;
	}

	private static void write(HttpServletResponse response, HttpServletRequest request, String path, String value, int seconds) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
			.path(path)
			.maxAge(seconds)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
