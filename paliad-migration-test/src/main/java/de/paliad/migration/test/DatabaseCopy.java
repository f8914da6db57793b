package de.paliad.migration.test;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * A database of one's own, copied from a migrated template: every migration of the set is
 * applied and recorded in the tracker. {@link #close()} drops it.
 */
public final class DatabaseCopy implements AutoCloseable {

	private final DatabaseTemplates templates;

	private final String name;

	private final String template;

	private final AtomicBoolean closed = new AtomicBoolean();

	DatabaseCopy(DatabaseTemplates templates, String name, String template) {
		this.templates = templates;
		this.name = name;
		this.template = template;
	}

	/** The database's name, unique per copy. */
	public String name() {
		return this.name;
	}

	/** The name of the template it was copied from (one per distinct migration set). */
	public String template() {
		return this.template;
	}

	/** The JDBC URL of this database. */
	public String jdbcUrl() {
		return server().jdbcUrl(this.name);
	}

	/** The role the database was created with. */
	public String user() {
		return server().user();
	}

	/** The role's password. */
	public String password() {
		return server().password();
	}

	/** The server the database is on. */
	public PostgresServer server() {
		return this.templates.server();
	}

	/**
	 * A new, unpooled data source for this database.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return server().dataSource(this.name);
	}

	/**
	 * Drops the database, ending any session still connected to it. Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.templates.drop(this.name);
		}
	}

	@Override
	public String toString() {
		return this.name + " (copy of " + this.template + " on " + server() + ")";
	}

}
