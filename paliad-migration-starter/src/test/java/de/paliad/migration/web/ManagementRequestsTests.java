package de.paliad.migration.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ManagementRequests}.
 */
class ManagementRequestsTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void actuatorBasePathOnTheApplicationServerMatches() {
		ManagementRequests requests = ManagementRequests.of(this.environment);
		assertThat(requests.matches("/actuator", 8080)).isTrue();
		assertThat(requests.matches("/actuator/health/readiness", 8080)).isTrue();
		assertThat(requests.matches("/actuatorx", 8080)).isFalse();
		assertThat(requests.matches("/orders", 8080)).isFalse();
	}

	@Test
	void customBasePathBehindTheDispatcherServletPathMatches() {
		this.environment.setProperty("management.endpoints.web.base-path", "/manage/");
		this.environment.setProperty("spring.mvc.servlet.path", "/api");
		ManagementRequests requests = ManagementRequests.of(this.environment);
		assertThat(requests.matches("/api/manage/health", 8080)).isTrue();
		assertThat(requests.matches("/actuator/health", 8080)).isFalse();
	}

	@Test
	void aSeparateManagementPortMatchesByPortOnly() {
		this.environment.setProperty("server.port", "8080");
		this.environment.setProperty("management.server.port", "9090");
		ManagementRequests requests = ManagementRequests.of(this.environment);
		assertThat(requests.matches("/anything", 9090)).isTrue();
		assertThat(requests.matches("/actuator/health", 8080)).isFalse();
	}

	@Test
	void theSamePortConfiguredTwiceIsTheApplicationServer() {
		this.environment.setProperty("server.port", "8080");
		this.environment.setProperty("management.server.port", "8080");
		assertThat(ManagementRequests.of(this.environment).matches("/actuator/health", 8080)).isTrue();
	}

	@Test
	void probePathsAndServerAdditionalPathsMatch() {
		this.environment.setProperty("management.endpoint.health.probes.add-additional-paths", "true");
		this.environment.setProperty("management.endpoint.health.group.custom.additional-path", "server:/healthz/");
		this.environment.setProperty("management.endpoint.health.group.other.additional-path", "management:/other");
		this.environment.setProperty("management.endpoint.health.group.custom.include", "db");
		ManagementRequests requests = ManagementRequests.of(this.environment);
		assertThat(requests.matches("/livez", 8080)).isTrue();
		assertThat(requests.matches("/readyz", 8080)).isTrue();
		assertThat(requests.matches("/healthz", 8080)).isTrue();
		assertThat(requests.matches("/other", 8080)).isFalse();
	}

	@Test
	void actuatorAtTheRootExemptsNothingByPath() {
		this.environment.setProperty("management.endpoints.web.base-path", "/");
		assertThat(ManagementRequests.of(this.environment).matches("/orders", 8080)).isFalse();
	}

}
