package de.paliad.migration.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.paliad.migration.status.MigrationStatus;

/**
 * Answers application requests with {@code 503 Service Unavailable} and
 * {@code Retry-After} while the migrations are not applied, so that an application that
 * started with {@code on-failure=unready} never serves requests against an unmigrated
 * schema, even where nobody looks at readiness. Management requests pass, so health
 * probes keep answering.
 */
public final class MigrationTrafficGateFilter implements Filter {

	private final MigrationStatus status;

	private final String retryAfterSeconds;

	private final ManagementRequests managementRequests;

	public MigrationTrafficGateFilter(MigrationStatus status, Duration retryAfter,
			ManagementRequests managementRequests) {
		this.status = status;
		// Retry-After takes whole seconds; rounding up never invites a retry too early.
		this.retryAfterSeconds = String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
		this.managementRequests = managementRequests;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (this.status.isApplied() || !(request instanceof HttpServletRequest httpRequest)
				|| !(response instanceof HttpServletResponse httpResponse)
				|| this.managementRequests.matches(path(httpRequest), httpRequest.getLocalPort())) {
			chain.doFilter(request, response);
			return;
		}
		httpResponse.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		httpResponse.setHeader("Retry-After", this.retryAfterSeconds);
		httpResponse.setHeader("Cache-Control", "no-store");
		httpResponse.setContentType("text/plain;charset=UTF-8");
		httpResponse.getWriter()
			.write("Service unavailable: the database migrations are not applied yet (state "
					+ this.status.snapshot().state() + "). Retry later.\n");
	}

	/**
	 * The path within the application, as the container normalized and decoded it (the
	 * raw request URI could reach an application path through a management prefix, e.g.
	 * {@code /actuator/../orders}).
	 */
	private static String path(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
	}

}
