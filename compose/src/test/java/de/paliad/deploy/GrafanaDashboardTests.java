package de.paliad.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compose/monitoring/grafana-dashboard.json}, the dashboard users import: valid
 * JSON, every panel queries Prometheus through the dashboard's data source variable, and
 * every query names paliad metrics. That the names are the ones the app really exports is
 * checked against a live scrape by {@link MonitoringIT}.
 */
class GrafanaDashboardTests {

	static final String DASHBOARD = "compose/monitoring/grafana-dashboard.json";

	@Test
	void isValidJsonWithAStableUid() {
		JsonNode dashboard = dashboard();
		assertThat(dashboard.path("uid").asString()).isEqualTo("paliad-migration");
		assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void everyPanelHasAQueryOnTheDataSourceVariable() {
		Set<Integer> ids = new HashSet<>();
		for (JsonNode panel : dashboard().path("panels")) {
			assertThat(ids.add(panel.path("id").asInt())).as("unique panel id %s", panel.path("id")).isTrue();
			assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
			assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
			for (JsonNode target : panel.path("targets")) {
				assertThat(PromQl.paliadMetrics(target.path("expr").asString()))
					.as("%s: %s", panel.path("title").asString(), target.path("expr").asString())
					.isNotEmpty();
			}
		}
	}

	@Test
	void showsEveryDocumentedMeter() {
		String all = String.join("\n", expressions(dashboard()));
		assertThat(all).contains("paliad_migrations_applied", "paliad_migrations_pending", "paliad_migrations_state",
				"paliad_migration_duration_seconds", "paliad_migration_lock_wait_seconds",
				"paliad_migration_failures_total", "paliad_migrations_last_success_seconds");
	}

	static JsonNode dashboard() {
		return JsonMapper.builder().build().readTree(DeployFiles.read(DeployFiles.file(DASHBOARD)));
	}

	/** Every PromQL expression of the dashboard: panel targets and template variables. */
	static List<String> expressions(JsonNode dashboard) {
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(target.path("expr").asString());
			}
		}
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (variable.path("type").asString().equals("query")) {
				expressions.add(variable.path("definition").asString());
			}
		}
		return expressions;
	}

}
