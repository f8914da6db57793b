package de.paliad.migration.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.LegacyTrackerType;
import de.paliad.migration.core.TransactionMode;
import de.paliad.migration.mode.Mode;
import de.paliad.migration.mode.Output;
import de.paliad.migration.startup.OnFailure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PaliadMigrationProperties} and its generated metadata.
 */
class PaliadMigrationPropertiesTests {

	private static final Set<String> DOCUMENTED = Set.of("enabled", "locations", "schema", "table", "mode",
			"on-failure", "transaction", "verify-checksums", "lock-wait-timeout", "lock-timeout", "statement-timeout",
			"lock-retries", "retry-interval", "shutdown-wait", "gate-traffic", "url", "user", "password", "legacy.type",
			"legacy.table", "target", "output", "snapshot", "compat", "role", "table-sizes", "size-limit", "row-limit",
			"reports", "report-path-prefix", "rehearse");

	@Test
	void defaultsAreTheDocumentedOnes() {
		PaliadMigrationProperties properties = new PaliadMigrationProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLocations()).containsExactly("classpath:db/migration");
		assertThat(properties.getSchema()).isEqualTo("public");
		assertThat(properties.getTable()).isEqualTo("applied_migrations");
		assertThat(properties.getMode()).isEqualTo(Mode.MIGRATE);
		assertThat(properties.getOnFailure()).isEqualTo(OnFailure.UNREADY);
		assertThat(properties.getTransaction()).isEqualTo(TransactionMode.PER_MIGRATION);
		assertThat(properties.getVerifyChecksums()).isEqualTo(ChecksumPolicy.FAIL);
		assertThat(properties.getLockWaitTimeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.getStatementTimeout()).isZero();
		assertThat(properties.getLockRetries()).isEqualTo(3);
		assertThat(properties.getRetryInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.getShutdownWait()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.isGateTraffic()).isTrue();
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.getLegacy().getType()).isEqualTo(LegacyTrackerType.NONE);
		assertThat(properties.getTarget()).isNull();
		assertThat(properties.getOutput()).isEqualTo(Output.TEXT);
		assertThat(properties.getSnapshot()).isNull();
		assertThat(properties.getCompat()).isEqualTo(CompatPolicy.FAIL);
		assertThat(properties.getRole()).isNull();
		assertThat(properties.getTableSizes()).isNull();
		assertThat(properties.sizeLimitBytes()).isEqualTo(1L << 30);
		assertThat(properties.getRowLimit()).isEqualTo(10_000_000L);
	}

	@Test
	void bindsTheDocumentedSpellings() {
		Map<String, String> source = Map.of("paliad.migration.mode", "migrate-only", "paliad.migration.on-failure",
				"exit", "paliad.migration.transaction", "per-migration", "paliad.migration.legacy.type",
				"golang-migrate", "paliad.migration.lock-wait-timeout", "90s", "paliad.migration.target",
				"20260520123000", "paliad.migration.locations", "classpath:db/migration,filesystem:/extra");
		PaliadMigrationProperties properties = new Binder(new MapConfigurationPropertySource(source))
			.bind("paliad.migration", PaliadMigrationProperties.class)
			.get();
		assertThat(properties.getMode()).isEqualTo(Mode.MIGRATE_ONLY);
		assertThat(properties.getOnFailure()).isEqualTo(OnFailure.EXIT);
		assertThat(properties.getLegacy().getType()).isEqualTo(LegacyTrackerType.GOLANG_MIGRATE);
		assertThat(properties.getLockWaitTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(properties.getTarget()).isEqualTo(20260520123000L);
		assertThat(properties.getLocations()).containsExactly("classpath:db/migration", "filesystem:/extra");
	}

	@Test
	void metadataDescribesEveryDocumentedProperty() throws IOException {
		List<Map<String, Object>> properties = JsonPath.read(metadata(), "$.properties[?(@.name =~ /paliad\\..*/)]");
		Map<String, Map<String, Object>> byName = properties.stream()
			.collect(Collectors.toMap((p) -> ((String) p.get("name")).substring("paliad.migration.".length()),
					(p) -> p));
		assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
		byName.forEach((name, property) -> assertThat((String) property.get("description")).as(name).isNotBlank());
		assertThat(byName.get("enabled").get("description")).asString().startsWith("Whether");
		assertThat(byName.get("gate-traffic").get("description")).asString().startsWith("Whether");
		assertThat(byName.get("enabled").get("defaultValue")).isEqualTo(true);
		assertThat(byName.get("locations").get("defaultValue")).asList().containsExactly("classpath:db/migration");
		assertThat(byName.get("mode").get("defaultValue")).isEqualTo("migrate");
		assertThat(byName.get("on-failure").get("defaultValue")).isEqualTo("unready");
		assertThat(byName.get("transaction").get("defaultValue")).isEqualTo("per-migration");
		assertThat(byName.get("verify-checksums").get("defaultValue")).isEqualTo("fail");
		assertThat(byName.get("lock-wait-timeout").get("defaultValue")).isEqualTo("10m");
		assertThat(byName.get("lock-timeout").get("defaultValue")).isEqualTo("5s");
		assertThat(byName.get("retry-interval").get("defaultValue")).isEqualTo("30s");
		assertThat(byName.get("shutdown-wait").get("defaultValue")).isEqualTo("5s");
		assertThat(byName.get("lock-retries").get("defaultValue")).isEqualTo(3);
		assertThat(byName.get("schema").get("defaultValue")).isEqualTo("public");
		assertThat(byName.get("table").get("defaultValue")).isEqualTo("applied_migrations");
		assertThat(byName.get("output").get("defaultValue")).isEqualTo("text");
		assertThat(byName.get("compat").get("defaultValue")).isEqualTo("fail");
		assertThat(byName.get("legacy.type").get("defaultValue")).isEqualTo("none");
		assertThat(byName.get("size-limit").get("defaultValue")).isEqualTo("1GB");
		assertThat(byName.get("row-limit").get("defaultValue")).isEqualTo(10_000_000);
	}

	@Test
	void metadataHintsTheModes() throws IOException {
		List<String> modes = JsonPath.read(metadata(), "$.hints[?(@.name == 'paliad.migration.mode')].values[*].value");
		assertThat(modes).containsExactly("migrate", "migrate-only", "plan", "validate", "dry-run", "verify", "repair",
				"baseline", "down", "sizes");
	}

	private static String metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
