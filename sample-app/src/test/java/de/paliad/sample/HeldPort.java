package de.paliad.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A TCP port this test listens on, handed to the app as {@code --server.port}. A web
 * server that tries to open it cannot bind and fails loudly ("Port ... was already in
 * use"), so a mode that opened its web port cannot slip past a test, however briefly it
 * listened.
 */
final class HeldPort implements AutoCloseable {

	private final ServerSocket socket;

	HeldPort() {
		try {
			// The wildcard address, as Tomcat binds by default: the two collide whatever
			// SO_REUSEADDR says.
			this.socket = new ServerSocket(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.socket.getLocalPort();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A port nothing listens on: for a database URL that must be unreachable, or a server
	 * to start.
	 * @return a port that was free a moment ago
	 */
	static int unused() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
