package de.paliad.sample;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.jdbc.core.simple.JdbcClient;

import de.paliad.migration.test.MigratedDatabase;
import de.paliad.migration.test.MigratedDatabase.CopyPer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repository and the schema's rules, every test on its own copy of the migrated
 * schema and all of them at once: {@code src/test/resources/junit-platform.properties}
 * runs classes marked {@link ExecutionMode#CONCURRENT} on 4 threads. No test sees
 * another's rows, so each can assert exact counts.
 */
@MigratedDatabase(copyPer = CopyPer.METHOD)
@Execution(ExecutionMode.CONCURRENT)
class ApprovalRequestsParallelTests {

	private static final Set<String> threads = ConcurrentHashMap.newKeySet();

	private JdbcClient jdbc;

	private ApprovalRequestRepository repository;

	private long demo;

	@BeforeEach
	void connect(DataSource dataSource) {
		threads.add(Thread.currentThread().getName());
		this.jdbc = JdbcClient.create(dataSource);
		this.repository = new ApprovalRequestRepository(this.jdbc);
		this.demo = this.jdbc.sql("SELECT id FROM projects WHERE slug = 'demo'").query(Long.class).single();
	}

	@Test
	void filedRequestIsPendingAndReadBack() {
		ApprovalRequest created = this.repository.create(new NewApprovalRequest(this.demo, "Ship it", "hermes"))
			.orElseThrow();
		assertThat(created.status()).isEqualTo("pending");
		assertThat(this.repository.findById(created.id())).contains(created);
		assertThat(this.repository.findRecent(10)).containsExactly(created);
	}

	@Test
	void requestAgainstAnUnknownProjectIsNotFiled() {
		Optional<ApprovalRequest> created = this.repository
			.create(new NewApprovalRequest(999_999L, "Nowhere", "hermes"));
		assertThat(created).isEmpty();
		assertThat(count("approval_requests")).isZero();
	}

	@Test
	void newestRequestsComeFirst() {
		for (String title : List.of("first", "second", "third")) {
			this.repository.create(new NewApprovalRequest(this.demo, title, "hermes"));
		}
		assertThat(this.repository.findRecent(2)).extracting(ApprovalRequest::title).containsExactly("third", "second");
	}

	@Test
	void updateTouchesUpdatedAt() {
		ApprovalRequest created = this.repository.create(new NewApprovalRequest(this.demo, "Touch", "hermes"))
			.orElseThrow();
		// now() is the transaction's start: a later transaction's update moves it on.
		this.jdbc.sql("UPDATE approval_requests SET status = 'approved' WHERE id = :id")
			.param("id", created.id())
			.update();
		ApprovalRequest updated = this.repository.findById(created.id()).orElseThrow();
		assertThat(updated.updatedAt()).isAfter(created.updatedAt());
	}

	@Test
	void unknownStatusIsRejected() {
		ApprovalRequest created = this.repository.create(new NewApprovalRequest(this.demo, "Odd", "hermes"))
			.orElseThrow();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE approval_requests SET status = 'maybe' WHERE id = :id")
			.param("id", created.id())
			.update()).hasMessageContaining("approval_requests_status_check");
	}

	@Test
	void commentsGoWithTheirRequest() {
		ApprovalRequest created = this.repository.create(new NewApprovalRequest(this.demo, "Talk", "hermes"))
			.orElseThrow();
		this.jdbc.sql("INSERT INTO comments (request_id, author, body) VALUES (:id, 'ada', 'ok')")
			.param("id", created.id())
			.update();
		this.jdbc.sql("DELETE FROM approval_requests WHERE id = :id").param("id", created.id()).update();
		assertThat(count("comments")).isZero();
	}

	@Test
	void everyMigrationIsRecordedOnce() {
		assertThat(count("applied_migrations")).isEqualTo(6);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM information_schema.columns"
					+ " WHERE table_name = 'approval_requests' AND column_name = 'note'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eachTestHasADatabaseOfItsOwn() {
		String database = this.jdbc.sql("SELECT current_database()").query(String.class).single();
		assertThat(database).startsWith("paliad_copy_");
		this.repository.create(new NewApprovalRequest(this.demo, "Mine", "hermes"));
		assertThat(count("approval_requests")).isEqualTo(1);
	}

	@AfterAll
	static void ranOnMoreThanOneThread() {
		// Proof that the parallel configuration is in force, not just declared.
		assertThat(threads).as("threads the tests ran on").hasSizeGreaterThan(1);
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
