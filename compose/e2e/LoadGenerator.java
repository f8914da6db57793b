import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The e2e's steady client: a fixed request rate through the router on 127.0.0.1, bounded
 * in count and in time, that counts every request that did not get a 2xx answer.
 *
 * <pre>
 * java LoadGenerator.java run URL RATE MAX_SECONDS MAX_REQUESTS STOP_FILE COUNTERS_FILE LOG_FILE
 * java LoadGenerator.java report LOG_FILE PHASES_FILE
 * </pre>
 *
 * {@code run} sends RATE requests per second (every tenth a POST that files an approval
 * request, the rest GETs of the list) until STOP_FILE exists, MAX_SECONDS passed or
 * MAX_REQUESTS were sent. Every second it rewrites COUNTERS_FILE ("total failed"), so the
 * test can assert between scenarios; at the end it writes one line per request to LOG_FILE
 * ("startMillis latencyMicros status method", status -1 for a transport error) and prints
 * the totals. {@code report} prints totals, failures and latency percentiles per phase
 * (PHASES_FILE lines: "name startMillis endMillis").
 */
public final class LoadGenerator {

	private static final int MAX_IN_FLIGHT = 16;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	record Sample(long startMillis, long latencyMicros, int status, String method) {

		boolean failed() {
			return this.status < 200 || this.status > 299;
		}

	}

	public static void main(String[] args) throws Exception {
		if (args.length == 8 && args[0].equals("run")) {
			run(URI.create(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]),
					Path.of(args[5]), Path.of(args[6]), Path.of(args[7]));
		}
		else if (args.length == 3 && args[0].equals("report")) {
			report(Path.of(args[1]), Path.of(args[2]));
		}
		else {
			System.err.println("usage: LoadGenerator run URL RATE MAX_SECONDS MAX_REQUESTS STOP_FILE COUNTERS_FILE LOG_FILE"
					+ " | report LOG_FILE PHASES_FILE");
			System.exit(64);
		}
	}

	static void run(URI base, int rate, long maxSeconds, long maxRequests, Path stopFile, Path counters, Path log)
			throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		ExecutorService workers = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
		AtomicLong total = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
		long nextCounters = start;
		long sent = 0;
		while (sent < maxRequests && System.nanoTime() < deadline && !Files.exists(stopFile)) {
			long due = start + sent * intervalNanos;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			// A full window means the router stalls: that is measured as latency, never as
			// more concurrent load piling onto the system under test.
			inFlight.acquire();
			boolean post = sent % 10 == 9;
			HttpRequest request = request(base, post, sent);
			sent++;
			workers.execute(() -> {
				long startMillis = System.currentTimeMillis();
				long t0 = System.nanoTime();
				int status;
				try {
					status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				}
				catch (IOException ex) {
					status = -1;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					status = -1;
				}
				finally {
					inFlight.release();
				}
				Sample sample = new Sample(startMillis, (System.nanoTime() - t0) / 1000, status, request.method());
				samples.add(sample);
				total.incrementAndGet();
				if (sample.failed()) {
					failed.incrementAndGet();
				}
			});
			if (System.nanoTime() >= nextCounters) {
				writeCounters(counters, total.get(), failed.get());
				nextCounters = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
			}
		}
		workers.shutdown();
		workers.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
		writeCounters(counters, total.get(), failed.get());
		List<Sample> all = new ArrayList<>(samples);
		all.sort((a, b) -> Long.compare(a.startMillis(), b.startMillis()));
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
			for (Sample sample : all) {
				out.println(sample.startMillis() + " " + sample.latencyMicros() + " " + sample.status() + " "
						+ sample.method());
			}
		}
		System.out.println(summary("all", all));
	}

	private static HttpRequest request(URI base, boolean post, long sequence) {
		HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(REQUEST_TIMEOUT);
		if (post) {
			String body = "{\"projectId\":1,\"title\":\"e2e load " + sequence + "\",\"requestedBy\":\"e2e\"}";
			return builder.uri(base.resolve("/api/approval-requests"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		}
		return builder.uri(base.resolve("/api/approval-requests?limit=5")).GET().build();
	}

	private static void writeCounters(Path counters, long total, long failed) throws IOException {
		// Written beside and renamed, so a reader never sees half a line.
		Path tmp = counters.resolveSibling(counters.getFileName() + ".tmp");
		Files.writeString(tmp, total + " " + failed + "\n");
		Files.move(tmp, counters, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	static void report(Path log, Path phases) throws IOException {
		List<Sample> all = new ArrayList<>();
		for (String line : Files.readAllLines(log)) {
			String[] f = line.trim().split(" ");
			if (f.length == 4) {
				all.add(new Sample(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), f[3]));
			}
		}
		for (String line : Files.readAllLines(phases)) {
			String[] f = line.trim().split(" ");
			if (f.length != 3) {
				continue;
			}
			long from = Long.parseLong(f[1]);
			long to = Long.parseLong(f[2]);
			System.out.println(summary(f[0],
					all.stream().filter((s) -> s.startMillis() >= from && s.startMillis() < to).toList()));
		}
		System.out.println(summary("all", all));
		all.stream()
			.filter(Sample::failed)
			.limit(20)
			.forEach((s) -> System.out.println("  failed: " + s.method() + " at " + s.startMillis() + " status "
					+ s.status() + " after " + s.latencyMicros() / 1000 + " ms"));
	}

	private static String summary(String name, List<Sample> samples) {
		long failed = samples.stream().filter(Sample::failed).count();
		long[] latencies = samples.stream().mapToLong(Sample::latencyMicros).sorted().toArray();
		return String.format(Locale.ROOT, "LOAD %-14s requests=%d failed=%d p50=%.1fms p99=%.1fms max=%.1fms", name,
				samples.size(), failed, percentile(latencies, 50), percentile(latencies, 99),
				percentile(latencies, 100));
	}

	private static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
	}

}
