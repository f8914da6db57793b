package de.paliad.bench.runner;

import org.flywaydb.core.Flyway;

/**
 * Flyway as Spring Boot configures it by default ({@code validateOnMigrate}, no baseline,
 * no out-of-order, {@code flyway_schema_history}); the fifth argument turns
 * {@code outOfOrder} on.
 */
public final class FlywayRunner {

	private FlywayRunner() {
	}

	public static void main(String[] args) {
		RunnerSupport.run(args,
				(arguments) -> Flyway.configure()
					.dataSource(arguments.jdbcUrl(), arguments.user(), arguments.password())
					.locations("filesystem:" + arguments.directory())
					.validateOnMigrate(true)
					.outOfOrder(arguments.outOfOrder())
					.load()
					.migrate());
	}

}
