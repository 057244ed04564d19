package io.tsunagu.directory;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Sends an org chart upload over the server's multipart limit back to the import page, where the
 * problem is listed like any other.
 * <p>
 * Why a filter and not an {@code @ExceptionHandler} for {@link MaxUploadSizeExceededException}: the
 * first code to read a request parameter parses the multipart body, and that is Spring Security's
 * CSRF check. With Tomcat 11 the size failure is thrown right there, so neither a controller nor a
 * controller advice ever sees it and the administrator gets a bare 413 page. This filter runs just
 * before Spring Security (order -100) and parses the body first, the way Spring MVC would.
 */
@Component
@Order(-110)
class OversizeUploadFilter extends OncePerRequestFilter {

	static final String IMPORT_PATH = "/admin/directory/import";

	static final String TOO_LARGE_PAGE = "/admin/directory?tooLarge";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		return !"POST".equals(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
				|| !IMPORT_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null) {
			try {
				// Parses the parts; the container keeps them for Spring MVC.
				new StandardMultipartHttpServletRequest(request);
			}
			catch (MaxUploadSizeExceededException ex) {
				response.sendRedirect(request.getContextPath() + TOO_LARGE_PAGE);
				return;
			}
			catch (MultipartException ex) {
				// Not about size: Spring MVC reports it as it would without this filter.
			}
		}
		chain.doFilter(request, response);
	}

}
