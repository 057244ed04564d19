package io.tsunagu.web;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files under their own paths only (so that a link to a page is never looked up among the
 * files), each link written with its version: WebJars with the library's, the app's CSS and JS with a
 * hash of their content. A versioned file never changes, so browsers keep it for a year without
 * asking; a file asked for without its version is revalidated every time (304 when unchanged).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final CacheControl UNVERSIONED = CacheControl.noCache().cachePublic();

	// /webjars/bootstrap/5.3.8/css/bootstrap.min.css, /css/tsunagu-0f4c…(32 hex).css
	private static final Pattern VERSIONED_PATH = Pattern.compile("^/webjars/[^/]+/\\d[^/]*/.+|^/(css|js)/.+-[0-9a-f]{32}\\.[a-z]+$");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// The resolved URLs are cached (resourceChain(true)): writing a link costs a map lookup.
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(VERSIONED)
			.resourceChain(true);
		for (String folder : new String[] { "css", "js" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(VERSIONED)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> unversionedStaticFiles() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean versioned = VERSIONED_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()))
					.matches();
				chain.doFilter(request, versioned ? response : new RevalidatedEveryTime(response));
			}
		});
		registration.addUrlPatterns("/webjars/*", "/css/*", "/js/*");
		return registration;
	}

	/** Keeps what the resource handler says about caching, except for how long: not at all without asking. */
	private static final class RevalidatedEveryTime extends HttpServletResponseWrapper {

		RevalidatedEveryTime(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? UNVERSIONED.getHeaderValue() : value);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? UNVERSIONED.getHeaderValue() : value);
		}

	}

}
