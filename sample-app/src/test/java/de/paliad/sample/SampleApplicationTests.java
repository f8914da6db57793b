package de.paliad.sample;

import de.paliad.migration.test.MigratedDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The sample app against its own copy of the migrated schema, on the embedded PostgreSQL
 * server (or the server of {@code PALIAD_TEST_JDBC_URL}): no Docker needed. The copy
 * comes from a template that every test of this set shares, is the class's alone, and is
 * dropped when the class is done; the starter finds every migration applied.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@MigratedDatabase
class SampleApplicationTests extends SampleApplicationContract {

}
