package de.paliad.migration.autoconfigure;

import de.paliad.migration.health.MigrationsHealthIndicator;
import de.paliad.migration.status.MigrationStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrations} health indicator. It exists whenever
 * health support does, also when migrations are disabled or have no DataSource (it then
 * reports {@code DISABLED}, {@code UP}), because the starter puts it into the readiness
 * group by default and Spring Boot rejects groups with members that do not exist.
 */
@AutoConfiguration(after = PaliadMigrationAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(ObjectProvider<MigrationStatus> status) {
		return new MigrationsHealthIndicator(status.getIfAvailable());
	}

}
