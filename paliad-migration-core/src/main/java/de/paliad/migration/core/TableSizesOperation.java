package de.paliad.migration.core;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sizes}: reads the size of every table of the database — meant for production —
 * and writes the sidecar file the CI gate reads. Read-only: one read-only transaction, no
 * lock, no tracker.
 */
final class TableSizesOperation {

	// Every operation logs under the facade's name: one component for the operator.
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final OperationContext context;

	TableSizesOperation(OperationContext context) {
		this.context = context;
	}

	List<TableSize> run(Path file) {
		MigrationSession session = this.context.openSession();
		List<TableSize> sizes;
		try (session) {
			Connection connection = session.connection();
			connection.setAutoCommit(false);
			try {
				connection.setReadOnly(true);
				sizes = TableSizes.query(connection);
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw session.failure(ex);
		}
		try {
			TableSizes.write(sizes, file);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationException(
					"Cannot write the table sizes file " + file + " (" + ex.getClass().getSimpleName() + ": "
							+ ex.getMessage() + "). Point paliad.migration.table-sizes at a writable path.");
		}
		logger.info("Wrote the sizes of {} tables to {}", sizes.size(), file);
		return sizes;
	}

}
