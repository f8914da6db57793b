package de.paliad.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample app on a laptop with nothing installed: an embedded PostgreSQL starts
 * first, then the app migrates it and serves on port 8080.
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run} (see the README for the
 * variants).
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(EmbeddedPostgresConfiguration.class).run(args);
	}

}
