package de.paliad.migration.core;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Why {@link StatementRunner} sends a transactional migration's statements one by one
 * rather than as one JDBC batch (issue 11's "fewest round trips"): inside a transaction
 * pgjdbc does not say which statement of a failed batch failed. It marks every entry
 * {@code EXECUTE_FAILED}, so {@code getUpdateCounts().length} is the batch's size, not
 * the failing statement's index, and the failure report could not name its line. Should a
 * driver release change that, this test fails and batching becomes possible.
 */
class JdbcBatchFailureTests {

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	@Test
	void aFailedBatchInATransactionDoesNotNameTheFailingStatementByItsUpdateCounts() throws SQLException {
		try (Connection connection = this.fixture.db().dataSource().getConnection()) {
			connection.setAutoCommit(false);
			try (Statement jdbc = connection.createStatement()) {
				jdbc.addBatch("CREATE TABLE batch_a (id bigint)");
				jdbc.addBatch("INSERT INTO batch_a (id) VALUES (1)");
				jdbc.addBatch("ALTER TABLE batch_a\n  ADD COLUMN note missing_type");
				jdbc.addBatch("CREATE TABLE batch_b (id bigint)");

				BatchUpdateException ex = catchThrowableOfType(BatchUpdateException.class, jdbc::executeBatch);

				assertThat(ex.getUpdateCounts()).containsExactly(Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED,
						Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED);
				// The server's error itself is intact, its position relative to the
				// failing statement's own text (line 2 of it).
				assertThat((Object) ex.getNextException()).isInstanceOf(PSQLException.class);
				PSQLException server = (PSQLException) ex.getNextException();
				assertThat(server.getSQLState()).isEqualTo("42704");
				assertThat(server.getServerErrorMessage()).isNotNull();
				assertThat(StatementFailure.newlinesBefore("ALTER TABLE batch_a\n  ADD COLUMN note missing_type",
						server.getServerErrorMessage().getPosition()))
					.isEqualTo(1);
			}
			finally {
				connection.rollback();
			}
		}
	}

}
