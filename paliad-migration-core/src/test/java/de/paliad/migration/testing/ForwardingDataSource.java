package de.paliad.migration.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source that hands every call to a real one; tests extend it to count or pause
 * what passes through ({@code getConnection}), without mocking the database.
 */
public abstract class ForwardingDataSource implements DataSource {

	private final DataSource delegate;

	protected ForwardingDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	/**
	 * The real data source.
	 * @return the data source calls are handed to
	 */
	protected final DataSource delegate() {
		return this.delegate;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return this.delegate.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return this.delegate.getConnection(username, password);
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
	public <T> T unwrap(Class<T> type) throws SQLException {
		return this.delegate.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return this.delegate.isWrapperFor(type);
	}

}
