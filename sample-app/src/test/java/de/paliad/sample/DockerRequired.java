package de.paliad.sample;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Disables a test class when no Docker engine answers, and says so on the console: a
 * skipped container test must be visible in the build log, never mistaken for a pass.
 * When {@value #IMAGE_VARIABLE} is set, the run asked for the container test (CI does,
 * via {@code compose/testcontainers/run.sh}), so a missing engine fails the class instead
 * of skipping it. Declare it before
 * {@code @Testcontainers(disabledWithoutDocker = true)}, which would otherwise skip the
 * class silently.
 */
class DockerRequired implements ExecutionCondition {

	static final String IMAGE_VARIABLE = "PALIAD_TEST_PG_IMAGE";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (context.getTestMethod().isPresent()) {
			// Decided once for the class; the methods inherit it.
			return ConditionEvaluationResult.enabled("Checked for the class");
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return ConditionEvaluationResult.enabled("A Docker engine is available");
		}
		String dockerHost = System.getenv("DOCKER_HOST");
		String where = (dockerHost == null || dockerHost.isBlank()) ? "DOCKER_HOST unset, /var/run/docker.sock"
				: "DOCKER_HOST=" + dockerHost;
		String reason = "No Docker engine is reachable (" + where + ")";
		String image = System.getenv(IMAGE_VARIABLE);
		if (image != null && !image.isBlank()) {
			// Thrown from a condition, this fails the class: the run asked for
			// containers.
			throw new IllegalStateException(reason + ", but " + IMAGE_VARIABLE + "=" + image
					+ " asks for the container test: failing instead of skipping it");
		}
		System.out.println("SKIPPED " + context.getDisplayName() + " (all of its tests): " + reason
				+ ". The same checks ran against embedded PostgreSQL in SampleApplicationTests; "
				+ "compose/testcontainers/run.sh runs this class against a real engine.");
		return ConditionEvaluationResult.disabled(reason);
	}

}
