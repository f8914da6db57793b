package de.paliad.migration.test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import de.paliad.migration.test.MigratedDatabase.CopyPer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link MigratedDatabase} promises a plain JUnit 5 test. Each case runs fixture
 * classes on a launcher of their own and looks at the databases afterwards.
 */
class MigratedDatabaseExtensionTests {

	private static final DatabaseTemplates templates = DatabaseTemplates.fromEnvironment();

	/** Copy names seen by fixture tests, in the order they ran. */
	static final List<String> seen = new CopyOnWriteArrayList<>();

	/** Tracker timestamps seen by fixture tests (one value per template migration). */
	static final Set<String> appliedAt = ConcurrentHashMap.newKeySet();

	@BeforeEach
	void clear() {
		seen.clear();
		appliedAt.clear();
	}

	@Test
	void classSharesOneCopyAndItIsDroppedAfterTheClass() {
		FixtureRun.run(PerClass.class);
		assertThat(seen).hasSize(3).containsOnly(seen.get(0));
		assertThat(Sql.exists(templates.server(), seen.get(0))).isFalse();
	}

	@Test
	void eachMethodGetsItsOwnCopyAndEachIsDropped() {
		FixtureRun.run(PerMethod.class);
		assertThat(seen).hasSize(3).doesNotHaveDuplicates();
		assertThat(seen).allSatisfy((name) -> assertThat(Sql.exists(templates.server(), name)).isFalse());
	}

	@Test
	void secondClassWithTheSameSetReusesTheTemplate() {
		int before = templates.templatesMigrated();
		FixtureRun.run(Reuse.class);
		int afterFirst = templates.templatesMigrated();
		FixtureRun.run(ReuseAgain.class);
		// The first class may find the template already made (by another JVM on an
		// external
		// server); the second must never migrate.
		assertThat(afterFirst - before).isLessThanOrEqualTo(1);
		assertThat(templates.templatesMigrated()).isEqualTo(afterFirst);
		assertThat(seen).hasSize(2).doesNotHaveDuplicates();
		assertThat(appliedAt).as("tracker timestamps of both copies").hasSize(1);
	}

	@Test
	void differentSetGetsItsOwnTemplate() {
		FixtureRun.run(Reuse.class, OtherSet.class);
		assertThat(appliedAt).hasSize(2);
		assertThat(seen).hasSize(2);
		assertThat(templateOf(seen.get(0))).isNotEqualTo(templateOf(seen.get(1)));
	}

	@Test
	void parallelRunWithFourThreadsGivesEveryTestItsOwnCopyOfOneTemplate() {
		int before = templates.templatesMigrated();
		Parallel.running.set(0);
		Parallel.mostAtOnce.set(0);
		FixtureRun.run(
				Map.of("junit.jupiter.execution.parallel.enabled", "true",
						"junit.jupiter.execution.parallel.mode.default", "concurrent",
						"junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
						"junit.jupiter.execution.parallel.config.strategy", "fixed",
						"junit.jupiter.execution.parallel.config.fixed.parallelism", "4",
						"junit.jupiter.execution.parallel.config.fixed.max-pool-size", "4"),
				Parallel.class, ParallelToo.class);
		assertThat(seen).hasSize(8).doesNotHaveDuplicates();
		assertThat(Parallel.mostAtOnce.get()).as("tests running at the same time").isGreaterThanOrEqualTo(2);
		assertThat(templates.templatesMigrated() - before).isLessThanOrEqualTo(1);
		assertThat(appliedAt).as("every copy from the same template migration").hasSize(1);
		assertThat(seen).allSatisfy((name) -> assertThat(Sql.exists(templates.server(), name)).isFalse());
	}

	@Test
	void dataSourceParameterPointsAtTheCopy() {
		FixtureRun.run(DataSourceParameter.class);
		assertThat(seen).hasSize(1).allSatisfy((name) -> assertThat(name).startsWith(DatabaseTemplates.COPY_PREFIX));
	}

	private static final Map<String, String> templateByCopy = new ConcurrentHashMap<>();

	private static String templateOf(String copy) {
		return templateByCopy.get(copy);
	}

	static void record(DatabaseCopy copy) {
		seen.add(copy.name());
		templateByCopy.put(copy.name(), copy.template());
		appliedAt.add(DatabaseTemplatesTests.appliedAt(copy));
	}

	@MigratedDatabase(locations = "classpath:sets/a")
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class PerClass {

		@Test
		@Order(1)
		void writes(DatabaseCopy copy) {
			record(copy);
			Sql.execute(copy.dataSource(), "INSERT INTO items (name) VALUES ('plum')");
		}

		@Test
		@Order(2)
		void seesWhatTheFirstTestWrote(DatabaseCopy copy) {
			record(copy);
			assertThat(Sql.number(copy.dataSource(), "SELECT count(*) FROM items")).isEqualTo(3);
		}

		@Test
		@Order(3)
		void sameCopyInEveryTest(DatabaseCopy copy) {
			record(copy);
		}

	}

	@MigratedDatabase(locations = "classpath:sets/a", copyPer = CopyPer.METHOD)
	static class PerMethod {

		@BeforeEach
		void beforeEach(DatabaseCopy copy) {
			// The copy is ready before each test's own code runs.
			assertThat(Sql.number(copy.dataSource(), "SELECT count(*) FROM items")).isEqualTo(2);
		}

		@Test
		void one(DatabaseCopy copy) {
			writeAndCount(copy);
		}

		@Test
		void two(DatabaseCopy copy) {
			writeAndCount(copy);
		}

		@Test
		void three(DatabaseCopy copy) {
			writeAndCount(copy);
		}

		private static void writeAndCount(DatabaseCopy copy) {
			record(copy);
			Sql.execute(copy.dataSource(), "INSERT INTO items (name) VALUES ('plum')");
			// Nobody else's plum: the seed's two rows plus this one.
			assertThat(Sql.number(copy.dataSource(), "SELECT count(*) FROM items")).isEqualTo(3);
		}

	}

	@MigratedDatabase(locations = "classpath:sets/reuse")
	static class Reuse {

		@Test
		void copy(DatabaseCopy copy) {
			record(copy);
		}

	}

	@MigratedDatabase(locations = "classpath:sets/reuse")
	static class ReuseAgain {

		@Test
		void copy(DatabaseCopy copy) {
			record(copy);
		}

	}

	@MigratedDatabase(locations = "classpath:sets/b")
	static class OtherSet {

		@Test
		void copy(DatabaseCopy copy) {
			record(copy);
		}

	}

	@MigratedDatabase(locations = "classpath:sets/parallel", copyPer = CopyPer.METHOD)
	@Execution(ExecutionMode.CONCURRENT)
	static class Parallel {

		static final AtomicInteger running = new AtomicInteger();

		static final AtomicInteger mostAtOnce = new AtomicInteger();

		@Test
		void one(DatabaseCopy copy) throws InterruptedException {
			work(copy);
		}

		@Test
		void two(DatabaseCopy copy) throws InterruptedException {
			work(copy);
		}

		@Test
		void three(DatabaseCopy copy) throws InterruptedException {
			work(copy);
		}

		@Test
		void four(DatabaseCopy copy) throws InterruptedException {
			work(copy);
		}

		static void work(DatabaseCopy copy) throws InterruptedException {
			int now = running.incrementAndGet();
			mostAtOnce.accumulateAndGet(now, Math::max);
			try {
				record(copy);
				Sql.execute(copy.dataSource(), "INSERT INTO items (name) VALUES ('plum')");
				Thread.sleep(300);
				assertThat(Sql.number(copy.dataSource(), "SELECT count(*) FROM items")).isEqualTo(3);
			}
			finally {
				running.decrementAndGet();
			}
		}

	}

	@MigratedDatabase(locations = "classpath:sets/parallel", copyPer = CopyPer.METHOD)
	@Execution(ExecutionMode.CONCURRENT)
	static class ParallelToo {

		@Test
		void one(DatabaseCopy copy) throws InterruptedException {
			Parallel.work(copy);
		}

		@Test
		void two(DatabaseCopy copy) throws InterruptedException {
			Parallel.work(copy);
		}

		@Test
		void three(DatabaseCopy copy) throws InterruptedException {
			Parallel.work(copy);
		}

		@Test
		void four(DatabaseCopy copy) throws InterruptedException {
			Parallel.work(copy);
		}

	}

	@MigratedDatabase(locations = "classpath:sets/a")
	static class DataSourceParameter {

		static DataSource shared;

		@BeforeAll
		static void keep(DataSource dataSource) {
			shared = dataSource;
		}

		@Test
		void pointsAtTheCopy(DataSource dataSource) {
			String name = Sql.string(dataSource, "SELECT current_database()");
			assertThat(Sql.string(shared, "SELECT current_database()")).isEqualTo(name);
			seen.add(name);
		}

	}

}
