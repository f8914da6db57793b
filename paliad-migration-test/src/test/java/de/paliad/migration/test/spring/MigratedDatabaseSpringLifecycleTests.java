package de.paliad.migration.test.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import de.paliad.migration.test.FixtureRun;
import de.paliad.migration.test.MigratedDatabase;
import de.paliad.migration.test.MigratedDatabase.CopyPer;
import de.paliad.migration.test.PostgresServer;
import de.paliad.migration.test.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Spring integration's copies are made and dropped, and which server they are
 * made on. Runs fixture classes on a launcher of their own and looks afterwards.
 */
class MigratedDatabaseSpringLifecycleTests {

	static final List<String> seen = new CopyOnWriteArrayList<>();

	static final List<String> applicationNames = new CopyOnWriteArrayList<>();

	private final PostgresServer server = PostgresServer.fromEnvironment();

	@BeforeEach
	void clear() {
		seen.clear();
		applicationNames.clear();
	}

	@Test
	void copyOfATestClassIsDroppedWhenTheClassIsDone() {
		FixtureRun.run(PerClass.class);
		assertThat(seen).hasSize(2).containsOnly(seen.get(0));
		assertThat(Sql.exists(this.server, seen.get(0))).isFalse();
	}

	@Test
	void copyPerMethodGivesEveryMethodAFreshContextAndCopy() {
		FixtureRun.run(PerMethod.class);
		assertThat(seen).hasSize(2).doesNotHaveDuplicates();
		assertThat(seen).allSatisfy((name) -> assertThat(Sql.exists(this.server, name)).isFalse());
	}

	@Test
	void twoClassesWithTheSameConfigurationGetACopyEach() {
		FixtureRun.run(PerClass.class, PerClassToo.class);
		assertThat(seen).hasSize(3);
		assertThat(seen.get(2)).isNotEqualTo(seen.get(0));
	}

	@Test
	void serviceConnectionChoosesTheServer() {
		// What a Testcontainers @ServiceConnection does: a JdbcConnectionDetails bean.
		// Its
		// server (recognisable here by the URL's ApplicationName) gets the template and
		// copy.
		FixtureRun.run(ServiceConnection.class);
		assertThat(applicationNames).containsExactly("service-connection");
		assertThat(seen).hasSize(1).allSatisfy((name) -> assertThat(Sql.exists(this.server, name)).isFalse());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	abstract static class Fixture {

		@Autowired
		DataSource dataSource;

		void record() {
			seen.add(Sql.string(this.dataSource, "SELECT current_database()"));
			applicationNames.add(Sql.string(this.dataSource, "SELECT current_setting('application_name')"));
			// Every copy starts from the template: the seed's two items, nothing else.
			assertThat(Sql.number(this.dataSource, "SELECT count(*) FROM items")).isEqualTo(2);
			Sql.execute(this.dataSource, "INSERT INTO items (name) VALUES ('plum" + seen.size() + "')");
		}

	}

	@SpringBootTest(classes = App.class, properties = "paliad.migration.locations=classpath:sets/spring")
	@MigratedDatabase(copyPer = CopyPer.METHOD)
	static class PerMethod extends Fixture {

		@Test
		void one() {
			record();
		}

		@Test
		void two() {
			record();
		}

	}

	@SpringBootTest(classes = App.class)
	@MigratedDatabase(locations = "classpath:sets/spring")
	static class PerClass extends Fixture {

		@Test
		void one() {
			seen.add(Sql.string(this.dataSource, "SELECT current_database()"));
		}

		@Test
		void two() {
			seen.add(Sql.string(this.dataSource, "SELECT current_database()"));
		}

	}

	@SpringBootTest(classes = App.class)
	@MigratedDatabase(locations = "classpath:sets/spring")
	static class PerClassToo extends Fixture {

		@Test
		void one() {
			record();
		}

	}

	@SpringBootTest(classes = { App.class, ServiceConnection.Container.class })
	@MigratedDatabase(locations = "classpath:sets/spring")
	static class ServiceConnection extends Fixture {

		@Test
		void one() {
			record();
		}

		@Configuration(proxyBeanMethods = false)
		static class Container {

			@Bean
			JdbcConnectionDetails containerConnectionDetails() {
				PostgresServer server = PostgresServer.fromEnvironment();
				String url = server.jdbcUrl("postgres") + "?ApplicationName=service-connection";
				return new JdbcConnectionDetails() {

					@Override
					public String getUsername() {
						return server.user();
					}

					@Override
					public String getPassword() {
						return server.password();
					}

					@Override
					public String getJdbcUrl() {
						return url;
					}

				};
			}

		}

	}

}
