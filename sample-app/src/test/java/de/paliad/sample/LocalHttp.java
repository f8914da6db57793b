package de.paliad.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import de.paliad.sample.SampleJar.Running;

/**
 * Plain HTTP calls to an app process on this machine, as a load balancer's health check
 * would make them.
 */
final class LocalHttp {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private LocalHttp() {
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return http.send(request, BodyHandlers.ofString());
	}

	/**
	 * Polls until the path answers 200.
	 * @param app the process, so a crash fails at once instead of after the timeout
	 * @param port its port
	 * @param path the path
	 * @param timeout how long to poll
	 * @return the first 200 response
	 */
	static HttpResponse<String> awaitOk(Running app, int port, String path, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpResponse<String> last = null;
		while (System.nanoTime() < deadline && app.process().isAlive()) {
			try {
				last = get(port, path);
				if (last.statusCode() == 200) {
					return last;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new AssertionError(path + " did not answer 200 within " + timeout + " (last status "
				+ ((last != null) ? last.statusCode() : "none") + ")\n" + app.finish().describe());
	}

}
