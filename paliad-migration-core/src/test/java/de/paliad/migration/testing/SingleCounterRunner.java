package de.paliad.migration.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * The tracker the seed incidents were caused by: golang-migrate's single counter. It runs
 * only versions greater than the highest one applied. Kept in the tests to show that each
 * seed scenario really breaks such a runner.
 */
public final class SingleCounterRunner {

	private final DataSource dataSource;

	public SingleCounterRunner(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Applies every {@code <version>_*.up.sql} in {@code directory} above the counter.
	 */
	public void migrate(Path directory) throws SQLException, IOException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(
					"CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL, dirty boolean NOT NULL)");
			long current = 0;
			try (ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
				rs.next();
				current = rs.getLong(1);
			}
			List<Path> files;
			try (Stream<Path> list = Files.list(directory)) {
				files = list.filter((f) -> f.getFileName().toString().endsWith(".up.sql")).sorted().toList();
			}
			for (Path file : files) {
				String name = file.getFileName().toString();
				long version = Long.parseLong(name.substring(0, name.indexOf('_')));
				if (version > current) {
					statement.execute(Files.readString(file));
					statement.execute("DELETE FROM schema_migrations");
					statement.execute("INSERT INTO schema_migrations VALUES (" + version + ", false)");
					current = version;
				}
			}
		}
	}

}
