package de.paliad.migration.test;

import java.util.Map;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs fixture test classes (static nested classes, which Surefire does not pick up by
 * itself) on a JUnit launcher of their own, so a test can look at what happened after the
 * fixture's lifecycle ended: copies dropped, templates reused.
 */
public final class FixtureRun {

	private FixtureRun() {
	}

	public static TestExecutionSummary run(Map<String, String> configuration, Class<?>... classes) {
		LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
			.configurationParameters(configuration)
			// Fixtures must not be mistaken for tests of this module by a second
			// discovery.
			.configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
		for (Class<?> type : classes) {
			request.selectors(selectClass(type));
		}
		LauncherDiscoveryRequest discovery = request.build();
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launcher.execute(discovery, listener);
		TestExecutionSummary summary = listener.getSummary();
		if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
			StringBuilder failures = new StringBuilder();
			summary.getFailures()
				.forEach((failure) -> failures.append(failure.getTestIdentifier().getDisplayName())
					.append(": ")
					.append(failure.getException())
					.append('\n'));
			throw new AssertionError("Fixture run failed (" + summary.getTestsSucceededCount() + " succeeded, "
					+ summary.getTotalFailureCount() + " failed):\n" + failures);
		}
		return summary;
	}

	public static TestExecutionSummary run(Class<?>... classes) {
		return run(Map.of(), classes);
	}

}
