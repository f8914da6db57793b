package de.paliad.migration.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Recognizes the requests the traffic gate lets through while migrations are not applied:
 * Actuator's requests on the application's server (under
 * {@code management.endpoints.web.base-path}), requests on a separate management port,
 * and the health groups' additional paths on the application's server ({@code /livez},
 * {@code /readyz}, {@code management.endpoint.health.group.*.additional-path}). Read from
 * the environment, so the gate works without Actuator on the classpath.
 */
public final class ManagementRequests {

	private static final String SERVER_NAMESPACE = "server:";

	private final @Nullable String basePath;

	private final int managementPort;

	private final Set<String> serverPaths;

	/**
	 * Creates the matcher.
	 * @param basePath the full path of the Actuator endpoints on the application's
	 * server, or {@code null} when they are not served there
	 * @param managementPort the fixed management port, or 0 when there is none
	 * @param serverPaths additional health paths on the application's server
	 */
	ManagementRequests(@Nullable String basePath, int managementPort, Set<String> serverPaths) {
		this.basePath = basePath;
		this.managementPort = managementPort;
		this.serverPaths = Set.copyOf(serverPaths);
	}

	/**
	 * Reads the management paths and port from the environment.
	 * @param environment the environment
	 * @return the matcher
	 */
	public static ManagementRequests of(Environment environment) {
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		Integer serverPort = environment.getProperty("server.port", Integer.class);
		boolean samePort = managementPort == null || (serverPort == null && managementPort == 8080)
				|| (managementPort != 0 && managementPort.equals(serverPort));
		@Nullable String basePath = null;
		if (samePort) {
			String servletPath = trimSlash(environment.getProperty("spring.mvc.servlet.path", ""));
			String actuatorPath = trimSlash(environment.getProperty("management.endpoints.web.base-path", "/actuator"));
			// Actuator at the root of the application's server would exempt everything.
			basePath = actuatorPath.isEmpty() ? null : servletPath + actuatorPath;
		}
		int fixedManagementPort = (!samePort && managementPort != null && managementPort > 0) ? managementPort : 0;
		return new ManagementRequests(basePath, fixedManagementPort, serverPaths(environment));
	}

	private static Set<String> serverPaths(Environment environment) {
		Set<String> paths = new LinkedHashSet<>();
		if (environment.getProperty("management.endpoint.health.probes.add-additional-paths", Boolean.class, false)) {
			paths.add("/livez");
			paths.add("/readyz");
		}
		Map<String, @Nullable HealthGroup> groups = Binder.get(environment)
			.bind("management.endpoint.health.group", Bindable.mapOf(String.class, HealthGroup.class))
			.orElse(Map.of());
		for (HealthGroup group : groups.values()) {
			@Nullable String path = (group != null) ? group.additionalPath() : null;
			if (path != null && path.startsWith(SERVER_NAMESPACE)) {
				String serverPath = trimSlash(path.substring(SERVER_NAMESPACE.length()));
				if (!serverPath.isEmpty()) {
					paths.add(serverPath);
				}
			}
		}
		return paths;
	}

	/**
	 * Normalizes a configured path to {@code ""} or {@code "/a/b"}.
	 */
	private static String trimSlash(String path) {
		String trimmed = path.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (trimmed.isEmpty()) {
			return "";
		}
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

	/**
	 * Whether a request is a management request.
	 * @param path the request's path within the application (servlet path plus path info,
	 * as the container normalized and decoded it)
	 * @param localPort the port that received the request
	 * @return whether the gate lets it through
	 */
	boolean matches(String path, int localPort) {
		if (this.managementPort != 0 && localPort == this.managementPort) {
			return true;
		}
		return (this.basePath != null && isUnder(path, this.basePath))
				|| this.serverPaths.stream().anyMatch((serverPath) -> isUnder(path, serverPath));
	}

	private static boolean isUnder(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

	/**
	 * The one property of a health group this needs.
	 *
	 * @param additionalPath the group's additional path, e.g. {@code server:/healthz}
	 */
	record HealthGroup(@Nullable String additionalPath) {

	}

}
