package de.paliad.bench;

import java.util.List;

import de.paliad.bench.AppBootBenchmark.AppSample;
import de.paliad.bench.AppBootBenchmark.AppVariant;

/**
 * Issue 6's goals, each checked against the medians of this run.
 */
final class GoalsSection {

	private final ResultReport report;

	private final List<AppSample> appSamples;

	private final BenchConfig config;

	private final StringBuilder md = new StringBuilder();

	GoalsSection(ResultReport report, List<AppSample> appSamples, BenchConfig config) {
		this.report = report;
		this.appSamples = appSamples;
		this.config = config;
	}

	void write(StringBuilder out) {
		this.md.append("## Goals of issue 6, checked against these medians\n\n");
		this.md.append("| goal | measured | reached |\n| --- | --- | --- |\n");
		if (has(Tool.PALIAD) && has(Tool.FLOOR)) {
			for (Scenario scenario : this.config.scenarios()) {
				for (int n : this.config.sizes()) {
					double ratio = wall(n, scenario, Tool.PALIAD) / wall(n, scenario, Tool.FLOOR);
					goal("within 1.2× of the floor: (" + scenario.id() + ") N=" + String.format("%,d", n),
							String.format("%.2f×", ratio), ratio <= 1.2);
				}
			}
		}
		if (has(Tool.PALIAD) && has(Tool.FLYWAY)) {
			speedup(Scenario.APPLY_ALL, 2.5);
			speedup(Scenario.BOOT_CHECK, 2.2);
		}
		if (has(Tool.PALIAD) && this.config.scenarios().contains(Scenario.BOOT_CHECK)
				&& this.config.sizes().contains(100) && this.config.sizes().contains(5000)) {
			double ratio = wall(5000, Scenario.BOOT_CHECK, Tool.PALIAD) / wall(100, Scenario.BOOT_CHECK, Tool.PALIAD);
			goal("flat scaling: boot check at 5,000 ≤ 2× the one at 100", String.format("%.2f×", ratio), ratio <= 2);
		}
		if (!this.appSamples.isEmpty()) {
			double paliad = AppBootSection.added(this.appSamples, AppVariant.PALIAD);
			double flyway = AppBootSection.added(this.appSamples, AppVariant.FLYWAY);
			goal("sample app: added boot cost ≤ 1/3 of Flyway's",
					String.format("%,.0f ms vs %,.0f ms (%.2f of Flyway's)", paliad, flyway, paliad / flyway),
					paliad <= flyway / 3);
		}
		this.md.append('\n');
		out.append(this.md);
	}

	private void speedup(Scenario scenario, double target) {
		if (!this.config.scenarios().contains(scenario)) {
			return;
		}
		for (int n : this.config.sizes()) {
			double speedup = wall(n, scenario, Tool.FLYWAY) / wall(n, scenario, Tool.PALIAD);
			goal("≥" + target + "× faster than Flyway: (" + scenario.id() + ") N=" + String.format("%,d", n),
					String.format("%.2f×", speedup), speedup >= target);
		}
	}

	private boolean has(Tool tool) {
		return this.config.tools().contains(tool);
	}

	private double wall(int n, Scenario scenario, Tool tool) {
		return this.report.wall(n, scenario, new Variant(tool, false));
	}

	private void goal(String goal, String measured, boolean reached) {
		this.md.append("| ")
			.append(goal)
			.append(" | ")
			.append(measured)
			.append(" | ")
			.append(reached ? "yes" : "**no**")
			.append(" |\n");
	}

}
