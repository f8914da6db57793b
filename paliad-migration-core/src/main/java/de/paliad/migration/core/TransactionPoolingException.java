package de.paliad.migration.core;

import java.util.List;

/**
 * The migration lock's connection is not a database session of its own: it goes through a
 * pooler in transaction pooling mode, where a session-level advisory lock excludes
 * nobody. Raised before anything changes; a configuration error, never retried.
 */
class TransactionPoolingException extends InvalidConfigurationException {

	TransactionPoolingException(List<String> evidence) {
		super("Refusing to migrate: the migration connection is not a database session of its own ("
				+ String.join("; ", evidence) + "). It goes through a connection pooler in transaction pooling mode"
				+ " (PgBouncer pool_mode = transaction, or a similar proxy), which cannot carry the session-level"
				+ " advisory lock that keeps two instances from applying the same migration. Point"
				+ " paliad.migration.url at a direct connection to PostgreSQL (or at a pool in session pooling"
				+ " mode). Nothing was changed.");
	}

}
