package de.paliad.bench.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's disk fills up during a migration: its tables live in a tablespace on an 8
 * MB tmpfs, and migration 3 inserts more than fits. The runner must fail with a
 * classified message (exit 4, SQLSTATE 53100 "could not extend file … No space left on
 * device", rolled back), the database must hold migrations 1 and 2 and nothing of 3, and
 * after the operator makes room (the tmpfs grows to 64 MB) the next start completes.
 * <p>
 * Mounting a tmpfs needs root (CI runs as root). Without it this test fails with the
 * reason — it never skips: a fault suite that silently leaves out a fault proves nothing.
 * The WAL stays on the data directory's disk: a full WAL disk stops the whole server
 * (PANIC), which is the server's failure, not a migration's.
 */
@Tag("fault")
class DiskFullFaultTests {

	private static FaultServer server;

	private static Path work;

	private static Path mount;

	@BeforeAll
	static void startServer() throws Exception {
		work = FaultTrials.work("7-disk-full");
		mount = work.resolve("small-disk");
		Files.createDirectories(mount);
		unmountQuietly();
		run("mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", mount.toString());
		server = FaultServer.start(work.resolve("pgdata"));
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
		unmountQuietly();
	}

	@Test
	void aFullDiskFailsTheMigrationCleanlyAndTheNextStartCompletesOnceThereIsRoom() throws Exception {
		server.createDatabase("disk_full");
		Path tablespace = Files.createDirectories(mount.resolve("ts"));
		server.execute("postgres", "CREATE TABLESPACE small LOCATION '" + tablespace + "'");
		Path migrations = Files.createDirectories(work.resolve("migrations"));
		Files.writeString(migrations.resolve("001_small_table.up.sql"),
				"CREATE TABLE small (id int, payload text) TABLESPACE small;\n"
						+ "INSERT INTO small SELECT g, md5(g::text) FROM generate_series(1, 1000) g;\n");
		Files.writeString(migrations.resolve("002_marker.up.sql"), "CREATE TABLE marker (id int) TABLESPACE small;\n");
		// About 30 MB of rows: more than the 8 MB disk holds.
		Files.writeString(migrations.resolve("003_fill_the_disk.up.sql"),
				"CREATE TABLE big (id int, payload text) TABLESPACE small;\n"
						+ "INSERT INTO big SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 200000) g;\n");
		String location = "filesystem:" + migrations.toAbsolutePath();
		List<String> notes = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		ChildProcess child = FaultTrials.migrateAt(server, "disk_full", location, "disk-full",
				work.resolve("logs/full.log"));
		int exit = child.waitFor(Duration.ofMinutes(3));
		String failure = child.lines()
			.stream()
			.filter((line) -> line.startsWith(FaultMigrateMain.FAILED))
			.findFirst()
			.orElse("(no failure line)");
		notes.add("tables in a tablespace on an 8 MB tmpfs; migration 3 inserts about 30 MB; the runner: exit " + exit
				+ " — `" + failure + "`");
		if (exit != 4 || !failure.contains("53100") || !failure.contains("003_fill_the_disk")) {
			problems.add("exit " + exit + ", " + failure);
		}
		String tracked = server.query("disk_full",
				"SELECT string_agg(version::text, ',' ORDER BY version) FROM applied_migrations");
		String bigExists = server.query("disk_full", "SELECT to_regclass('big') IS NOT NULL");
		String locks = server.query("disk_full", "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
		notes.add("after the failure: tracker " + tracked + ", table of migration 3 exists: " + bigExists
				+ ", advisory locks: " + locks);
		if (!"1,2".equals(tracked) || !"f".equals(bigExists) || !"0".equals(locks)) {
			problems.add("state after the failure: tracker " + tracked + ", big " + bigExists + ", locks " + locks);
		}
		run("mount", "-o", "remount,size=64m", mount.toString());
		ChildProcess next = FaultTrials.migrateAt(server, "disk_full", location, "disk-full-next",
				work.resolve("logs/next.log"));
		int nextExit = next.waitFor(Duration.ofMinutes(3));
		String trackedAfter = server.query("disk_full",
				"SELECT string_agg(version::text, ',' ORDER BY version) FROM applied_migrations");
		String rows = server.query("disk_full", "SELECT count(*) FROM big");
		notes.add("after the tmpfs grew to 64 MB: next start exit " + nextExit + ", tracker " + trackedAfter + ", "
				+ rows + " rows in migration 3's table");
		if (nextExit != 0 || !"1,2,3".equals(trackedAfter) || !"200000".equals(rows)) {
			problems.add("next start: exit " + nextExit + ", tracker " + trackedAfter + ", rows " + rows);
		}
		FaultReport.record("7-disk-full", "(7) disk full during a migration (tmpfs tablespace)", 1,
				problems.isEmpty() ? 0 : 1, 0, problems.size(), notes);
		assertThat(problems).isEmpty();
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed (" + output.strip()
					+ "). The disk-full fault needs root to mount a tmpfs (CI runs as root; user "
					+ System.getProperty("user.name") + " here). Run the fault suite as root; it does not skip this.");
		}
	}

	private static void unmountQuietly() throws InterruptedException {
		try {
			new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start().waitFor();
		}
		catch (IOException ex) {
			// Not mounted.
		}
	}

}
