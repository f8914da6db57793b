package de.paliad.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes one generated migration set in each tool's layout, with the same SQL bodies:
 * {@code paliad/<v>_<name>.up.sql} (also read by the floor),
 * {@code flyway/V<v>__<name>.sql}, and {@code liquibase/changelog.xml} including
 * {@code liquibase/changes/<v>_<name>.sql} (formatted SQL, one change set per file).
 */
final class MigrationSetGenerator {

	private MigrationSetGenerator() {
	}

	/**
	 * Writes versions {@code 1..n} except {@code left out} below {@code directory}.
	 * @return {@code directory}
	 */
	static Path write(Path directory, int n, Set<Long> leftOut) throws IOException {
		Path paliad = Files.createDirectories(directory.resolve("paliad"));
		Path flyway = Files.createDirectories(directory.resolve("flyway"));
		Path liquibase = Files.createDirectories(directory.resolve("liquibase/changes"));
		StringBuilder changelog = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
							xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
							xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
						""");
		for (long v = 1; v <= n; v++) {
			if (leftOut.contains(v)) {
				continue;
			}
			String name = MigrationBodies.name(v);
			String body = MigrationBodies.body(v);
			String padded = String.format("%05d", v);
			write(paliad.resolve(padded + "_" + name + ".up.sql"), body);
			write(flyway.resolve("V" + v + "__" + name + ".sql"), body);
			String changeSet = "--changeset bench:" + v
					+ (MigrationBodies.hasFunctionBody(v) ? " splitStatements:false" : "");
			write(liquibase.resolve(padded + "_" + name + ".sql"),
					"--liquibase formatted sql\n\n" + changeSet + "\n" + body);
			changelog.append("\t<include file=\"changes/")
				.append(padded)
				.append('_')
				.append(name)
				.append(".sql\" relativeToChangelogFile=\"true\"/>\n");
		}
		changelog.append("</databaseChangeLog>\n");
		write(directory.resolve("liquibase/changelog.xml"), changelog.toString());
		return directory;
	}

	private static void write(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
