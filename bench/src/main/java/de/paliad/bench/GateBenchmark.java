package de.paliad.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.MigrationConfiguration;
import de.paliad.migration.core.MigrationGate;
import de.paliad.migration.test.PostgresServer;

/**
 * What the CI gate costs: {@code MigrationGate.check} on the core tests' production
 * snapshot ({@code gate/prod-schema.sql}, 34 tables) with 10 pending migrations (DDL,
 * DML, a function, an enum, a view), warm (rounds in one JVM after warm-up rounds), the
 * compatibility analysis off against {@code compat=fail}, each round on a fresh scratch
 * database. Prints one {@code RESULT} line per variant, so a parent can compare two
 * builds of the core (another classpath) in the same run; with {@code bench.out} set it
 * also writes {@code gate-latest.md}.
 * <p>
 * {@code -Dbench.gate.runs} (measured rounds, default 9), {@code -Dbench.gate.label}.
 */
public final class GateBenchmark {

	/** Versions 124–133: after the snapshot's last applied migration (123). */
	static final Map<String, String> PENDING = Map.of("124_users_nickname.up.sql",
			"ALTER TABLE users ADD COLUMN nickname text;", "125_documents_title_index.up.sql",
			"CREATE INDEX documents_title_idx ON documents (title);", "126_projects_status.up.sql",
			"UPDATE projects SET status = 'active' WHERE status = 'archived' AND false;", "127_project_notes.up.sql",
			"CREATE TABLE project_notes (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects (id),"
					+ " body text NOT NULL);\nCREATE INDEX project_notes_project_idx ON project_notes (project_id);",
			"128_documents_summary.up.sql",
			"ALTER TABLE documents ADD COLUMN summary text;\nALTER TABLE documents ALTER COLUMN summary SET DEFAULT '';",
			"129_note_count.up.sql",
			"CREATE FUNCTION note_count(p bigint) RETURNS bigint LANGUAGE sql STABLE AS $$"
					+ " SELECT count(*) FROM project_notes WHERE project_id = p $$;",
			"130_projects_title_length.up.sql",
			"ALTER TABLE projects ADD CONSTRAINT projects_title_length CHECK (length(title) < 500) NOT VALID;\n"
					+ "ALTER TABLE projects VALIDATE CONSTRAINT projects_title_length;",
			"131_note_state.up.sql",
			"CREATE TYPE note_state AS ENUM ('draft', 'final');\n"
					+ "ALTER TABLE project_notes ADD COLUMN state note_state NOT NULL DEFAULT 'draft';",
			"132_nickname_length.up.sql", "ALTER TABLE users ALTER COLUMN nickname TYPE varchar(80);",
			"133_active_projects.up.sql",
			"CREATE VIEW active_projects AS SELECT id, title FROM projects WHERE status = 'active';\n"
					+ "COMMENT ON VIEW active_projects IS 'projects not archived';");

	private GateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("bench.gate.runs", 9);
		int warmup = Integer.getInteger("bench.gate.warmup", 4);
		String label = System.getProperty("bench.gate.label", "this build");
		Path snapshot = Paths.get(System.getProperty("bench.gate.snapshot",
				"paliad-migration-core/src/test/resources/gate/prod-schema.sql"));
		Path work = Paths.get(System.getProperty("bench.work", "bench/target/bench-work")).resolve("gate");
		Path migrations = writeMigrations(work);
		String loadBefore = Environment.loadAverage();
		List<Long> off = new ArrayList<>();
		List<Long> fail = new ArrayList<>();
		int findings = -1;
		try (BenchServer bench = BenchServer.start()) {
			PostgresServer server = PostgresServer.of(bench.jdbcUrl("postgres"), BenchServer.USER,
					BenchServer.PASSWORD);
			for (int round = 0; round < warmup + runs; round++) {
				// Alternate which goes first, so a busy moment does not always hit one.
				for (int i = 0; i < 2; i++) {
					CompatPolicy policy = ((round + i) % 2 == 0) ? CompatPolicy.OFF : CompatPolicy.FAIL;
					String database = "gate_" + round + "_" + policy.name().toLowerCase();
					bench.createDatabase(database, null);
					MigrationConfiguration configuration = MigrationConfiguration.builder()
						.locations("filesystem:" + migrations)
						.role("app_owner")
						.compatPolicy(policy)
						.build();
					long start = System.nanoTime();
					DryRunResult result = MigrationGate.check(server.dataSource(database), snapshot, configuration);
					long ms = (System.nanoTime() - start) / 1_000_000;
					bench.dropDatabase(database);
					if (result.steps().size() != PENDING.size()) {
						throw new IllegalStateException("The gate rehearsed " + result.steps().size() + " of "
								+ PENDING.size() + " migrations: " + result);
					}
					if (policy == CompatPolicy.FAIL) {
						findings = result.findings().size();
					}
					if (round >= warmup) {
						((policy == CompatPolicy.OFF) ? off : fail).add(ms);
					}
				}
			}
		}
		String loadAfter = Environment.loadAverage();
		System.out.printf("RESULT\t%s\t%s\t%s\t%d\t%s\t%s%n", label, join(off), join(fail), findings, loadBefore,
				loadAfter);
	}

	private static Path writeMigrations(Path work) throws IOException {
		Path dir = work.resolve("pending");
		Files.createDirectories(dir);
		for (var entry : PENDING.entrySet()) {
			Files.writeString(dir.resolve(entry.getKey()), entry.getValue() + "\n", StandardCharsets.UTF_8);
		}
		return dir;
	}

	private static String join(List<Long> values) {
		return String.join(",", values.stream().map(String::valueOf).toList());
	}

}
