package de.paliad.migration.autoconfigure;

import de.paliad.migration.metrics.MigrationMetrics;
import de.paliad.migration.status.MigrationStatus;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the migrator's Micrometer meters. The meters are a
 * {@code MigrationListener} bean, so the migrator feeds them from its first run on.
 */
@AutoConfiguration(after = PaliadMigrationAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, MigrationStatus.class })
public final class MigrationMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationMetrics paliadMigrationMetrics(MeterRegistry registry, MigrationStatus status) {
		return new MigrationMetrics(registry, status);
	}

}
