package de.paliad.migration.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import de.paliad.migration.testing.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per rule of the catalogue, as data under {@code rules/<rule-id>/}: a migration
 * that triggers the rule ({@code trigger.sql}) and its safe rewrite that does not
 * ({@code safe.sql}; {@code -- next migration} lines split it into several migrations),
 * both dry-run on a real database that {@code rules/base.sql} (and an optional
 * {@code setup.sql}) was migrated to. {@code trigger-not.txt} and {@code safe-not.txt}
 * name rules that must not fire either (false positives once seen). The trigger is run a
 * third time with {@code -- paliad:allow <rule-id> <reason>}: still reported, allowed,
 * never failing the gate. A new rule without a case fails {@link #everyRuleHasACase()}.
 */
class RuleCaseTests {

	private static final String NEXT_MIGRATION = "-- next migration";

	@RegisterExtension
	final MigratorFixture fixture = new MigratorFixture();

	static Stream<Rule> rules() {
		// concurrently-in-transaction never reaches the database: validate rejects it.
		return Arrays.stream(Rule.values()).filter((rule) -> rule != Rule.CONCURRENTLY_IN_TRANSACTION);
	}

	@Test
	void everyRuleHasACase() {
		assertThat(rules()).allSatisfy((rule) -> {
			assertThat(resource(rule.id() + "/trigger.sql")).as("rules/%s/trigger.sql", rule.id()).isNotNull();
			assertThat(resource(rule.id() + "/safe.sql")).as("rules/%s/safe.sql", rule.id()).isNotNull();
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void theTriggerIsFoundAndTheSafeRewriteIsNot(Rule rule) {
		String id = rule.id();
		String setup = resource("base.sql") + "\n" + orEmpty(resource(id + "/setup.sql"));
		this.fixture.files().write("1_setup.up.sql", setup);
		this.fixture.migrator().migrate();

		List<String> trigger = migrations(resource(id + "/trigger.sql"));
		writePending(trigger);
		DryRunResult triggered = dryRun();
		assertThat(triggered.succeeded()).as("trigger of %s ran: %s", id, triggered.failure()).isTrue();
		assertThat(triggered.findings()).as("findings of %s/trigger.sql", id)
			.anySatisfy((f) -> assertThat(f.rule()).isEqualTo(rule))
			.allSatisfy((f) -> assertThat(f.severity()).isEqualTo(f.rule().severity()))
			.noneMatch((f) -> listed(id + "/trigger-not.txt", f.rule()));
		assertThat(triggered.findings()).filteredOn((f) -> f.rule() == rule)
			.allSatisfy((f) -> assertThat(f.object()).matches("[a-z_0-9]+\\.[a-z_0-9]+(\\.[a-z_0-9]+)?(\\(.*\\))?"))
			.allSatisfy((f) -> assertThat(f.message()).isNotBlank());
		deletePending(trigger.size());

		// The same trigger, allowed by a file-level directive: still reported, with the
		// reason, and never failing the gate.
		String reason = "rule case: the running version no longer uses it";
		List<String> allowed = trigger.stream().map((sql) -> allow(sql, id, reason)).toList();
		writePending(allowed);
		DryRunResult suppressed = dryRun();
		assertThat(suppressed.findings()).as("findings of %s/trigger.sql with -- paliad:allow", id)
			.filteredOn((f) -> f.rule() == rule)
			.isNotEmpty()
			.allSatisfy((f) -> {
				assertThat(f.allowedBecause()).isEqualTo(reason);
				assertThat(f.failsGate()).isFalse();
			});
		deletePending(allowed.size());

		String minVersion = resource(id + "/safe-min-server-version.txt");
		if (minVersion != null && TestDatabases.serverMajorVersion() < Integer.parseInt(minVersion.strip())) {
			return;
		}
		writePending(migrations(resource(id + "/safe.sql")));
		DryRunResult safe = dryRun();
		assertThat(safe.succeeded()).as("safe rewrite of %s ran: %s", id, safe.failure()).isTrue();
		assertThat(safe.findings()).as("findings of %s/safe.sql", id)
			.noneMatch((f) -> f.rule() == rule || listed(id + "/safe-not.txt", f.rule()));
	}

	/**
	 * The migration with {@code -- paliad:allow <id> <reason>} among its header comments
	 * (after a {@code -- paliad:no-transaction} first line, which must stay first).
	 */
	private static String allow(String sql, String id, String reason) {
		String directive = Migration.ALLOW_DIRECTIVE + " " + id + " " + reason + "\n";
		if (sql.startsWith(Migration.NO_TRANSACTION_DIRECTIVE)) {
			int endOfFirstLine = sql.indexOf('\n') + 1;
			return sql.substring(0, endOfFirstLine) + directive + sql.substring(endOfFirstLine);
		}
		return directive + sql;
	}

	private DryRunResult dryRun() {
		return this.fixture.migrator(this.fixture.configuration().compatPolicy(CompatPolicy.WARN)).dryRun();
	}

	private void writePending(List<String> migrations) {
		for (int i = 0; i < migrations.size(); i++) {
			this.fixture.files().write((i + 2) + "_pending_" + (i + 2) + ".up.sql", migrations.get(i));
		}
	}

	private void deletePending(int count) {
		for (int i = 0; i < count; i++) {
			this.fixture.files().delete((i + 2) + "_pending_" + (i + 2) + ".up.sql");
		}
	}

	private static List<String> migrations(@Nullable String script) {
		assertThat(script).isNotNull();
		List<String> migrations = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n", -1)) {
			if (line.strip().equals(NEXT_MIGRATION)) {
				migrations.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(line).append('\n');
			}
		}
		migrations.add(current.toString());
		return migrations;
	}

	private static boolean listed(String path, Rule rule) {
		String list = resource(path);
		return list != null && Arrays.asList(list.strip().split("\\s+")).contains(rule.id());
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static @Nullable String resource(String path) {
		try (InputStream in = RuleCaseTests.class.getResourceAsStream("/rules/" + path)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
