package de.paliad.bench;

import java.util.List;

import de.paliad.bench.runner.FloorRunner;
import de.paliad.bench.runner.FlywayRunner;
import de.paliad.bench.runner.LiquibaseRunner;
import de.paliad.bench.runner.PaliadRunner;

/**
 * A measured migration tool: the child JVM's main class, the folder (or jar) of its set
 * layout, the jars it may see (besides the JDBC driver, SLF4J and Logback), and how its
 * tracker is read back to check that a run did what it should.
 */
enum Tool {

	PALIAD("paliad", "paliad-migration", PaliadRunner.class, "paliad",
			List.of("paliad-migration-core", "paliad-migration-starter"), "SELECT count(*) FROM applied_migrations",
			"SELECT count(*) FROM applied_migrations WHERE version = %d"),

	/**
	 * The same runner on the same files, packaged in a jar on the child's class path with
	 * the build-time index beside them, as an application built with the Maven plugin's
	 * {@code index} goal ships them ({@link PackagedSet}).
	 */
	PALIAD_INDEX("paliad-index", "paliad-migration (index)", PaliadRunner.class, PackagedSet.JAR_NAME,
			List.of("paliad-migration-core", "paliad-migration-starter"), "SELECT count(*) FROM applied_migrations",
			"SELECT count(*) FROM applied_migrations WHERE version = %d"),

	FLYWAY("flyway", "Flyway", FlywayRunner.class, "flyway", List.of("flyway-"),
			"SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL",
			"SELECT count(*) FROM flyway_schema_history WHERE success AND version = '%d'"),

	LIQUIBASE("liquibase", "Liquibase", LiquibaseRunner.class, "liquibase",
			List.of("liquibase-core", "snakeyaml", "commons-collections4", "commons-text", "opencsv", "jaxb-api",
					"commons-lang3", "commons-io", "commons-beanutils", "javax.activation", "jakarta.activation"),
			"SELECT count(*) FROM databasechangelog", "SELECT count(*) FROM databasechangelog WHERE id = '%d'"),

	FLOOR("floor", "floor (plain JDBC)", FloorRunner.class, "paliad", List.of(),
			"SELECT count(*) FROM floor_migrations", "SELECT count(*) FROM floor_migrations WHERE version = %d");

	private final String id;

	private final String label;

	private final Class<?> mainClass;

	private final String setFolder;

	private final List<String> jars;

	private final String countSql;

	private final String hasVersionSql;

	Tool(String id, String label, Class<?> mainClass, String setFolder, List<String> jars, String countSql,
			String hasVersionSql) {
		this.id = id;
		this.label = label;
		this.mainClass = mainClass;
		this.setFolder = setFolder;
		this.jars = jars;
		this.countSql = countSql;
		this.hasVersionSql = hasVersionSql;
	}

	static Tool of(String id) {
		for (Tool tool : values()) {
			if (tool.id.equalsIgnoreCase(id.strip())) {
				return tool;
			}
		}
		throw new IllegalArgumentException(
				"Unknown tool '" + id + "'; use paliad, paliad-index, flyway, liquibase or floor");
	}

	String id() {
		return this.id;
	}

	/** A name for the tool's template database (no hyphens). */
	String databaseName() {
		return this.id.replace('-', '_');
	}

	/** Whether this is this project's runner, with or without the index. */
	boolean paliad() {
		return this == PALIAD || this == PALIAD_INDEX;
	}

	/**
	 * Whether the child gets its set as a jar on its class path ({@link #setFolder()} is
	 * then the jar's name in the set's folder).
	 */
	boolean packaged() {
		return this == PALIAD_INDEX;
	}

	/** The label in the ratio columns' headers. */
	String shortLabel() {
		return switch (this) {
			case PALIAD -> "paliad";
			case PALIAD_INDEX -> "paliad (index)";
			case FLYWAY -> "Flyway";
			case LIQUIBASE -> "Liquibase";
			case FLOOR -> "floor";
		};
	}

	String label() {
		return this.label;
	}

	Class<?> mainClass() {
		return this.mainClass;
	}

	String setFolder() {
		return this.setFolder;
	}

	/** Jar name prefixes of this tool and its dependencies. */
	List<String> jars() {
		return this.jars;
	}

	String countSql() {
		return this.countSql;
	}

	String hasVersionSql(long version) {
		return this.hasVersionSql.formatted(version);
	}

	/**
	 * Whether the tool has an option that allows a version below the highest applied one.
	 */
	boolean hasOutOfOrderOption() {
		return this == FLYWAY;
	}

}
