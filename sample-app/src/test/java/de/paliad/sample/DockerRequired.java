package de.paliad.sample;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Disables a test class when no Docker engine answers, and says so on the console: a
 * skipped container test must be visible in the build log, never mistaken for a pass.
 * Declare it before {@code @Testcontainers(disabledWithoutDocker = true)}, which would
 * otherwise skip the class silently.
 */
class DockerRequired implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (context.getTestMethod().isPresent()) {
			// Decided once for the class; the methods inherit it.
			return ConditionEvaluationResult.enabled("Checked for the class");
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return ConditionEvaluationResult.enabled("A Docker engine is available");
		}
		String reason = "No Docker engine is reachable (DOCKER_HOST, /var/run/docker.sock)";
		System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason
				+ "; the same checks ran against embedded PostgreSQL in SampleApplicationTests.");
		return ConditionEvaluationResult.disabled(reason);
	}

}
