package de.paliad.bench.fault;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The fault injection point "between the SQL and the commit": every connection it hands
 * out announces each {@link Connection#commit()} on stdout ({@value #BEFORE_COMMIT} n),
 * pauses, commits, announces {@value #AFTER_COMMIT} n, and pauses again. By then the
 * migration's statements and its tracker row have run in the open transaction, so a
 * {@code kill -9} during the first pause lands exactly between the SQL and the commit,
 * and one during the second lands after the commit but before the runner has reported
 * anything.
 */
final class PausingDataSource implements DataSource {

	static final String BEFORE_COMMIT = "FAULT-CHILD BEFORE-COMMIT";

	static final String AFTER_COMMIT = "FAULT-CHILD AFTER-COMMIT";

	private final DataSource delegate;

	private final long pauseBeforeMs;

	private final long pauseAfterMs;

	private final AtomicInteger commits = new AtomicInteger();

	PausingDataSource(DataSource delegate, long pauseBeforeMs, long pauseAfterMs) {
		this.delegate = delegate;
		this.pauseBeforeMs = pauseBeforeMs;
		this.pauseAfterMs = pauseAfterMs;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(this.delegate.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(this.delegate.getConnection(username, password));
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

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.delegate.isWrapperFor(iface);
	}

}
