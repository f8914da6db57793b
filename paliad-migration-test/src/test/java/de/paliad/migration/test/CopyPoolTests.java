package de.paliad.migration.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pool of copies made ahead of time, with a fake maker (the real copies are
 * {@link DatabaseTemplatesTests}' business): every name is handed out once, the pool is
 * topped up in the background, an empty pool makes the copy on the caller's thread.
 */
class CopyPoolTests {

	private final AtomicInteger made = new AtomicInteger();

	private final Set<String> makerThreads = ConcurrentHashMap.newKeySet();

	private final Map<String, String> madeOn = new ConcurrentHashMap<>();

	@AfterEach
	void clearProperty() {
		System.clearProperty(CopyPool.SIZE_PROPERTY);
	}

	@Test
	void theFirstCopyIsMadeOnTheCallersThreadAndThePoolFillsBehindIt() throws InterruptedException {
		CopyPool pool = new CopyPool(2, this::make, (name) -> {
		});
		String first = pool.take("tpl");
		assertThat(this.madeOn.get(first)).isEqualTo(Thread.currentThread().getName());
		awaitReady(pool, 2);
		String second = pool.take("tpl");
		assertThat(second).isNotEqualTo(first);
		assertThat(this.madeOn.get(second)).isEqualTo("paliad-copy-pool");
		awaitReady(pool, 2);
		assertThat(this.made.get()).isEqualTo(4); // 1 on demand, 2 ahead, 1 to replace
													// the taken one
	}

	@Test
	void noNameIsHandedOutTwiceUnderConcurrentTakes() throws InterruptedException {
		CopyPool pool = new CopyPool(3, this::make, (name) -> {
		});
		Set<String> taken = ConcurrentHashMap.newKeySet();
		List<Thread> threads = new ArrayList<>();
		AtomicInteger takes = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		for (int t = 0; t < 4; t++) {
			threads.add(new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				for (int i = 0; i < 25; i++) {
					taken.add(pool.take("tpl"));
					takes.incrementAndGet();
				}
			}));
		}
		threads.forEach(Thread::start);
		start.countDown();
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		assertThat(takes.get()).isEqualTo(100);
		assertThat(taken).hasSize(100);
	}

	@Test
	void sizeZeroMakesEveryCopyOnDemand() {
		CopyPool pool = new CopyPool(0, this::make, (name) -> {
		});
		pool.take("tpl");
		pool.take("tpl");
		assertThat(this.made.get()).isEqualTo(2);
		assertThat(pool.ready("tpl")).isZero();
		assertThat(this.makerThreads).containsOnly(Thread.currentThread().getName());
	}

	@Test
	void aFailingBackgroundCopyLeavesTheCallerToMakeItsOwn() {
		AtomicInteger calls = new AtomicInteger();
		CopyPool pool = new CopyPool(1, (template) -> {
			if (!Thread.currentThread().getName().equals("paliad-copy-pool")) {
				return template + "_" + calls.incrementAndGet();
			}
			throw new IllegalStateException("server busy");
		}, (name) -> {
		});
		assertThat(pool.take("tpl")).isEqualTo("tpl_1");
		assertThat(pool.take("tpl")).isEqualTo("tpl_2");
	}

	@Test
	void theSizeComesFromTheSystemProperty() {
		assertThat(CopyPool.configuredSize()).isEqualTo(CopyPool.DEFAULT_SIZE);
		System.setProperty(CopyPool.SIZE_PROPERTY, " 0 ");
		assertThat(CopyPool.configuredSize()).isZero();
	}

	@Test
	void aSizeThatIsNotACountIsRefused() {
		for (String value : List.of("-1", "two", "")) {
			System.setProperty(CopyPool.SIZE_PROPERTY, value);
			assertThatIllegalArgumentException().isThrownBy(CopyPool::configuredSize)
				.withMessageContaining(CopyPool.SIZE_PROPERTY + " must be the number of copies to keep ready")
				.withMessageContaining("not '" + value + "'");
		}
	}

	private String make(String template) {
		this.makerThreads.add(Thread.currentThread().getName());
		String name = template + "_copy_" + this.made.incrementAndGet();
		this.madeOn.put(name, Thread.currentThread().getName());
		return name;
	}

	private static void awaitReady(CopyPool pool, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (pool.ready("tpl") < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(pool.ready("tpl")).isEqualTo(count);
	}

}
