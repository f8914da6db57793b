package de.paliad.bench.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the migrating JVM and PostgreSQL that the test can cut:
 * {@link #cut()} resets every connection through it in both directions at once (RST, as a
 * dropped NAT entry or a restarted load balancer does), while new connections still pass
 * — so the next start runs through the same address.
 */
final class CuttableProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	CuttableProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "cuttable-proxy");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.listener.getLocalPort();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// Closed, or the server refused: the client sees its connection fail.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// Cut, or the other side closed.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "cuttable-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	/** Resets every connection through the proxy, both directions. */
	void cut() {
		for (Socket socket : this.sockets) {
			try {
				// Linger 0: close sends RST, not FIN — an abrupt cut, not a goodbye.
				socket.setSoLinger(true, 0);
			}
			catch (SocketException ex) {
				// Already closed.
			}
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing to do.
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		cut();
	}

}
