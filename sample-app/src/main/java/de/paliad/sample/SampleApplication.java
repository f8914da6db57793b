package de.paliad.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small approval-request service whose schema is owned by paliad-migration: the
 * migrations in {@code db/migration} run before the web server opens, and the same jar
 * runs the command-line modes ({@code --paliad.migration.mode=plan}, ...).
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
