package de.paliad.migration.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of each template made ahead of time, on one background thread, so that a test
 * takes a finished copy instead of waiting for {@code CREATE DATABASE … TEMPLATE …}
 * (whose cost is mostly the two checkpoints a {@code FILE_COPY} copy forces; see
 * docs/testing.md). A template is immutable once migrated, so a copy made early is the
 * same as one made on demand. When the pool is empty — the first copy of a template, or
 * tests that ask faster than copies are made — the copy is made on the caller's thread,
 * as without a pool. Copies still in the pool when the JVM exits are dropped.
 */
final class CopyPool {

	/**
	 * System property: how many copies of each template to keep ready (default
	 * {@value #DEFAULT_SIZE}; {@code 0} turns the pool off).
	 */
	static final String SIZE_PROPERTY = "paliad.test.copy-pool";

	static final int DEFAULT_SIZE = 2;

	private static final Logger logger = LoggerFactory.getLogger(CopyPool.class);

	private final int size;

	private final UnaryOperator<String> create;

	private final Consumer<String> drop;

	private final Map<String, Queue<String>> ready = new ConcurrentHashMap<>();

	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	private final ExecutorService maker;

	/**
	 * Creates the pool.
	 * @param size copies to keep ready per template; 0 for none
	 * @param create makes a copy of a template, returning the copy's name
	 * @param drop drops a copy by name
	 */
	CopyPool(int size, UnaryOperator<String> create, Consumer<String> drop) {
		this.size = size;
		this.create = create;
		this.drop = drop;
		this.maker = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "paliad-copy-pool");
			thread.setDaemon(true);
			return thread;
		});
		if (size > 0) {
			Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "paliad-copy-pool-drop"));
		}
	}

	/**
	 * The pool size from {@value #SIZE_PROPERTY}.
	 * @return the size
	 * @throws IllegalArgumentException for a value that is not a number from 0 up
	 */
	static int configuredSize() {
		String value = System.getProperty(SIZE_PROPERTY, String.valueOf(DEFAULT_SIZE)).strip();
		try {
			int size = Integer.parseInt(value);
			if (size >= 0) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(SIZE_PROPERTY + " must be the number of copies to keep ready per template"
				+ " (0 turns the pool off, default " + DEFAULT_SIZE + "), not '" + value + "'");
	}

	/**
	 * A copy of the template: a ready one, or one made now; the pool is topped up in the
	 * background either way.
	 * @param template the template's name
	 * @return the copy's name, which no other caller gets
	 */
	String take(String template) {
		String name = queue(template).poll();
		topUp(template);
		return (name != null) ? name : this.create.apply(template);
	}

	/**
	 * How many copies of the template are ready now.
	 * @param template the template's name
	 * @return the count
	 */
	int ready(String template) {
		return queue(template).size();
	}

	private Queue<String> queue(String template) {
		return this.ready.computeIfAbsent(template, (key) -> new ConcurrentLinkedQueue<>());
	}

	private synchronized void topUp(String template) {
		int missing = this.size - queue(template).size() - this.inFlight.getOrDefault(template, 0);
		for (int i = 0; i < missing; i++) {
			this.inFlight.merge(template, 1, Integer::sum);
			this.maker.execute(() -> makeOne(template));
		}
	}

	private void makeOne(String template) {
		try {
			queue(template).add(this.create.apply(template));
		}
		catch (RuntimeException ex) {
			// The caller's thread makes its copy itself then, and reports the failure.
			logger.debug("Could not make a copy of {} ahead of time", template, ex);
		}
		finally {
			synchronized (this) {
				this.inFlight.merge(template, -1, Integer::sum);
			}
		}
	}

	private void shutdown() {
		this.maker.shutdownNow();
		try {
			this.maker.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<String> left = new ArrayList<>();
		this.ready.values().forEach((queue) -> {
			for (String name = queue.poll(); name != null; name = queue.poll()) {
				left.add(name);
			}
		});
		for (String name : left) {
			try {
				this.drop.accept(name);
			}
			catch (RuntimeException ex) {
				// The server may be gone already (the embedded one stops in its own
				// hook).
			}
		}
	}

}
