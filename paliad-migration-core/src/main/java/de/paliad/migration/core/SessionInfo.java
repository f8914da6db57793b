package de.paliad.migration.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A database session that holds something the migrator waits for, from
 * {@code pg_stat_activity}.
 *
 * @param pid the backend pid
 * @param applicationName the client's {@code application_name}
 * @param clientAddress the client address, or {@code null} for a local socket
 * @param state the session state ({@code active}, {@code idle in transaction}, ...)
 * @param transactionAge how long its current transaction has been open, or {@code null}
 */
public record SessionInfo(int pid, @Nullable String applicationName, @Nullable String clientAddress,
		@Nullable String state, @Nullable Duration transactionAge) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("pid ").append(this.pid);
		text.append(" (application_name '")
			.append((this.applicationName != null) ? this.applicationName : "")
			.append('\'');
		if (this.clientAddress != null) {
			text.append(", client ").append(this.clientAddress);
		}
		if (this.state != null) {
			text.append(", ").append(this.state);
		}
		if (this.transactionAge != null) {
			text.append(", transaction open for ").append(this.transactionAge.toMillis()).append(" ms");
		}
		return text.append(')').toString();
	}

}
