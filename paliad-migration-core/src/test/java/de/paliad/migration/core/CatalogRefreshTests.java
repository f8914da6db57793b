package de.paliad.migration.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-statement catalog read of the compatibility analysis re-reads columns and
 * constraints only of the relations a statement can have changed; after every kind of
 * change it must equal the full read, including the changes that alter other relations'
 * columns without locking them (a renamed type, sequence or function).
 */
class CatalogRefreshTests {

	private static final TableName TRACKER = new TableName("public", "applied_migrations");

	private TestDatabase db;

	private Connection connection;

	private CatalogState state;

	@BeforeEach
	void schema() throws SQLException {
		this.db = TestDatabases.create();
		this.db.execute("CREATE TYPE mood AS ENUM ('ok', 'sad');"
				+ " CREATE FUNCTION pick() RETURNS int LANGUAGE sql AS 'SELECT 1';"
				+ " CREATE TABLE accounts (id bigserial PRIMARY KEY, name text NOT NULL, mood mood,"
				+ " rank int DEFAULT pick());"
				+ " CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint, total numeric CHECK (total >= 0));"
				+ " CREATE TABLE applied_migrations (version bigint PRIMARY KEY)");
		this.connection = this.db.dataSource().getConnection();
		this.connection.setAutoCommit(false);
		this.state = CatalogState.read(this.connection, TRACKER);
	}

	@AfterEach
	void close() throws SQLException {
		if (!this.connection.getAutoCommit()) {
			this.connection.rollback();
		}
		this.connection.close();
		this.db.close();
	}

	/** Runs the statement and checks the refreshed state against a full read. */
	private void assertRefreshEqualsFullReadAfter(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		CatalogState refreshed = CatalogRefresh.after(this.connection, TRACKER, this.state);
		CatalogState full = CatalogState.read(this.connection, TRACKER);
		assertThat(refreshed).as(sql).isEqualTo(full);
		this.state = refreshed;
	}

	@Test
	void tableChangesInOneTransactionReadAsTheFullReadDoes() throws SQLException {
		assertRefreshEqualsFullReadAfter("ALTER TABLE orders ADD COLUMN note text");
		assertRefreshEqualsFullReadAfter("ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none'");
		assertRefreshEqualsFullReadAfter("ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY"
				+ " (account_id) REFERENCES accounts (id) NOT VALID");
		assertRefreshEqualsFullReadAfter("ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk");
		assertRefreshEqualsFullReadAfter("CREATE INDEX orders_account_idx ON orders (account_id)");
		assertRefreshEqualsFullReadAfter("ALTER TABLE accounts ALTER COLUMN name TYPE varchar(80)");
		assertRefreshEqualsFullReadAfter("CREATE TABLE notes (id int PRIMARY KEY, order_id bigint REFERENCES orders)");
		assertRefreshEqualsFullReadAfter("INSERT INTO applied_migrations VALUES (1)");
		assertRefreshEqualsFullReadAfter("DROP TABLE notes");
		assertRefreshEqualsFullReadAfter("SELECT count(*) FROM accounts");
	}

	@Test
	void renamesThatChangeOtherTablesColumnsWithoutALockOnThemReadAsTheFullReadDoes() throws SQLException {
		assertRefreshEqualsFullReadAfter("ALTER TYPE mood RENAME TO feeling");
		assertRefreshEqualsFullReadAfter("ALTER FUNCTION pick() RENAME TO choose");
		assertRefreshEqualsFullReadAfter("ALTER SEQUENCE accounts_id_seq RENAME TO account_ids");
	}

	@Test
	void aStatementThatHoldsNoLockAfterwardsIsReadInFull() throws SQLException {
		this.connection.commit();
		this.connection.setAutoCommit(true);
		assertRefreshEqualsFullReadAfter("ALTER TABLE orders ADD COLUMN note text");
		assertRefreshEqualsFullReadAfter("CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)");
		this.connection.setAutoCommit(false);
	}

}
