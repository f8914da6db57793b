package de.paliad.migration.startup;

import de.paliad.migration.core.DatabaseUnavailableException;
import de.paliad.migration.core.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationFailureAnalyzer}.
 */
class MigrationFailureAnalyzerTests {

	private final MigrationFailureAnalyzer analyzer = new MigrationFailureAnalyzer();

	@Test
	void describesAnInvalidConfigurationFoundInsideABeanCreationFailure() {
		InvalidConfigurationException cause = new InvalidConfigurationException("Invalid tracker schema name 'X'.");
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("paliadMigrator", "failed", new MigrationStartupException(cause)));
		assertThat(analysis.getDescription()).contains("exit code 2").contains("Invalid tracker schema name 'X'.");
		assertThat(analysis.getAction()).contains("paliad.migration.*");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void tellsWhatToDoWhenTheDatabaseIsUnreachable() {
		FailureAnalysis analysis = this.analyzer.analyze(new DatabaseUnavailableException("Cannot connect.", null));
		assertThat(analysis.getDescription()).contains("exit code 6");
		assertThat(analysis.getAction()).contains("reachable").contains("on-failure=unready");
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("not ours"))).isNull();
	}

}
