package de.paliad.bench.runner;

import java.sql.Connection;
import java.sql.DriverManager;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase's {@code update} the way Spring Boot's {@code SpringLiquibase} calls it, on a
 * master {@code changelog.xml} that includes one formatted-SQL file per change. Liquibase
 * has no out-of-order option: it runs every change set it has not run, in changelog
 * order.
 */
public final class LiquibaseRunner {

	private LiquibaseRunner() {
	}

	public static void main(String[] args) {
		RunnerSupport.run(args, (arguments) -> {
			try (Connection connection = DriverManager.getConnection(arguments.jdbcUrl(), arguments.user(),
					arguments.password())) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				try (Liquibase liquibase = new Liquibase("changelog.xml",
						new DirectoryResourceAccessor(arguments.directory()), database)) {
					liquibase.update(new Contexts(), new LabelExpression());
				}
			}
		});
	}

}
