package de.paliad.migration.web;

import java.time.Duration;
import java.util.Set;

import de.paliad.migration.core.MigrationState;
import de.paliad.migration.status.MigrationStatus;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationTrafficGateFilter}.
 */
class MigrationTrafficGateFilterTests {

	private final MigrationStatus status = new MigrationStatus();

	private final MigrationTrafficGateFilter filter = new MigrationTrafficGateFilter(this.status,
			Duration.ofMillis(1500), new ManagementRequests("/actuator", 0, Set.of("/livez")));

	@Test
	void answersApplicationRequestsWith503AndRetryAfterWhileNotApplied() throws Exception {
		this.status.stateChanged(MigrationState.FAILED);
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request("/orders"), response, chain);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(response.getContentAsString()).contains("state FAILED");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void letsManagementRequestsThrough() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("/actuator/health/readiness"), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void letsAdditionalHealthPathsThrough() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("/livez"), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void letsEverythingThroughOnceApplied() throws Exception {
		this.status.stateChanged(MigrationState.APPLIED);
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request("/orders"), response, chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getStatus()).isEqualTo(200);
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		return request;
	}

}
