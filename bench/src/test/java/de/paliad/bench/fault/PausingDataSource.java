package de.paliad.bench.fault;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import de.paliad.migration.testing.ForwardingDataSource;

/**
 * The fault injection point "between the SQL and the commit": every connection it hands
 * out announces each {@link Connection#commit()} on stdout ({@value #BEFORE_COMMIT} n),
 * pauses, commits, announces {@value #AFTER_COMMIT} n, and pauses again. By then the
 * migration's statements and its tracker row have run in the open transaction, so a
 * {@code kill -9} during the first pause lands exactly between the SQL and the commit,
 * and one during the second lands after the commit but before the runner has reported
 * anything.
 */
final class PausingDataSource extends ForwardingDataSource {

	static final String BEFORE_COMMIT = "FAULT-CHILD BEFORE-COMMIT";

	static final String AFTER_COMMIT = "FAULT-CHILD AFTER-COMMIT";

	private final long pauseBeforeMs;

	private final long pauseAfterMs;

	private final AtomicInteger commits = new AtomicInteger();

	PausingDataSource(DataSource delegate, long pauseBeforeMs, long pauseAfterMs) {
		super(delegate);
		this.pauseBeforeMs = pauseBeforeMs;
		this.pauseAfterMs = pauseAfterMs;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(super.getConnection(username, password));
	}

	private Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					boolean commit = "commit".equals(method.getName()) && method.getParameterCount() == 0;
					int n = commit ? this.commits.incrementAndGet() : 0;
					if (commit) {
						announce(BEFORE_COMMIT + " " + n, this.pauseBeforeMs);
					}
					try {
						Object result = method.invoke(connection, args);
						if (commit) {
							announce(AFTER_COMMIT + " " + n, this.pauseAfterMs);
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static void announce(String line, long pauseMs) throws InterruptedException {
		System.out.println(line);
		System.out.flush();
		if (pauseMs > 0) {
			Thread.sleep(pauseMs);
		}
	}

}
