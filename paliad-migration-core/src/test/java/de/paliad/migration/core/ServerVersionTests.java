package de.paliad.migration.core;

import de.paliad.migration.testing.Queries;
import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core tests run twice in CI, on the newest and on the oldest supported PostgreSQL;
 * this proves each run really is on the server it claims
 * ({@code -Dpaliad.test.expected-major}).
 */
class ServerVersionTests {

	private static final int EXPECTED_MAJOR = Integer.getInteger("paliad.test.expected-major", 17);

	@Test
	void testServerIsTheExpectedMajorVersion() {
		assertThat(TestDatabases.serverMajorVersion()).as("major version reported by the JDBC driver")
			.isEqualTo(EXPECTED_MAJOR);
	}

	@Test
	void testDatabasesRunOnTheExpectedMajorVersion() {
		try (TestDatabase db = TestDatabases.create()) {
			int versionNum = Integer.parseInt(Queries.value(db.dataSource(), "SHOW server_version_num"));
			assertThat(versionNum / 10000).as("server_version_num of a fresh test database").isEqualTo(EXPECTED_MAJOR);
		}
	}

}
