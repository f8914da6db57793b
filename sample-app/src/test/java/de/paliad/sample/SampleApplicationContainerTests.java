package de.paliad.sample;

import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The sample app against PostgreSQL in a container, the way most users test it. The image
 * comes from {@code PALIAD_TEST_PG_IMAGE} (default {@value #DEFAULT_IMAGE}), so CI can
 * pin the production version. Skipped, and reported as skipped, where no Docker engine
 * runs; failed instead when {@code PALIAD_TEST_PG_IMAGE} is set, since that run asked for
 * it ({@link DockerRequired}). CI runs it through {@code compose/testcontainers/run.sh}
 * with a PostgreSQL image built there from Debian's packages.
 */
@ExtendWith(DockerRequired.class)
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationContainerTests extends SampleApplicationContract {

	static final String DEFAULT_IMAGE = "postgres:17";

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer(image());

	private static DockerImageName image() {
		String image = System.getenv("PALIAD_TEST_PG_IMAGE");
		String name = (image == null || image.isBlank()) ? DEFAULT_IMAGE : image;
		// A mirrored or self-built image is still PostgreSQL; without this Testcontainers
		// refuses the name.
		return DockerImageName.parse(name).asCompatibleSubstituteFor("postgres");
	}

}
