package de.paliad.bench;

import java.util.List;

import de.paliad.bench.AppBootBenchmark.AppSample;
import de.paliad.bench.AppBootBenchmark.AppVariant;
import org.jspecify.annotations.Nullable;

/**
 * Issue 11's goals ("It must show"), each checked against the medians of this run. A goal
 * whose cell this run did not measure (a set size, tool or scenario left out, or the app
 * measurement off) says so instead of passing or failing.
 */
final class GoalsSection {

	private static final String NOT_MEASURED = "not measured in this run";

	private final ResultReport report;

	private final List<AppSample> appSamples;

	private final StringBuilder md = new StringBuilder();

	GoalsSection(ResultReport report, List<AppSample> appSamples) {
		this.report = report;
		this.appSamples = appSamples;
	}

	void write(StringBuilder out) {
		this.md.append("## Goals of issue 11, checked against these medians\n\n");
		this.md.append("Wall-time ratios are paliad's median over the floor's median in the same cell.\n\n");
		this.md.append("| goal | measured | reached |\n| --- | --- | --- |\n");
		floorRatio(Tool.PALIAD_INDEX, Scenario.BOOT_CHECK, 1000, 1.0, "boot check with the index");
		floorRatio(Tool.PALIAD_INDEX, Scenario.BOOT_CHECK, 5000, 0.8, "boot check with the index");
		floorRatio(Tool.PALIAD, Scenario.BOOT_CHECK, 1000, 1.15, "boot check without the index");
		for (Tool tool : List.of(Tool.PALIAD_INDEX, Tool.PALIAD)) {
			floorRatio(tool, Scenario.OUT_OF_ORDER, 1000, 1.1, "one late version (d), " + tool.label());
		}
		for (Tool tool : List.of(Tool.PALIAD_INDEX, Tool.PALIAD)) {
			for (int n : List.of(100, 1000, 5000)) {
				floorRatio(tool, Scenario.APPLY_ALL, n, 1.1, "apply all (a), " + tool.label());
			}
		}
		for (Tool tool : List.of(Tool.PALIAD_INDEX, Tool.PALIAD)) {
			memory(tool);
		}
		app(AppVariant.PALIAD_INDEX, AppVariant.FLYWAY, "set in the jar, as the sample app ships it");
		app(AppVariant.PALIAD, AppVariant.FLYWAY_FOLDER, "set in a folder, no index");
		this.md.append('\n');
		out.append(this.md);
	}

	private void floorRatio(Tool tool, Scenario scenario, int n, double target, String what) {
		String goal = what + ": ≤ " + target + "× the floor at N=" + String.format("%,d", n);
		double ratio = wall(n, scenario, tool) / wall(n, scenario, Tool.FLOOR);
		if (Double.isNaN(ratio)) {
			goal(goal, NOT_MEASURED, null);
			return;
		}
		goal(goal, String.format("%.2f×", ratio), ratio <= target);
	}

	private void memory(Tool tool) {
		String goal = "peak RSS on the boot check (b) at N=1,000, " + tool.label() + ": ≤ the floor's + 20 MiB";
		double rss = this.report.peakRssKb(1000, Scenario.BOOT_CHECK, new Variant(tool, false));
		double floor = this.report.peakRssKb(1000, Scenario.BOOT_CHECK, new Variant(Tool.FLOOR, false));
		if (Double.isNaN(rss) || Double.isNaN(floor) || rss < 0 || floor < 0) {
			goal(goal, NOT_MEASURED, null);
			return;
		}
		goal(goal, String.format("%,.0f MiB vs the floor's %,.0f MiB (%+,.0f MiB)", rss / 1024, floor / 1024,
				(rss - floor) / 1024), rss - floor <= 20 * 1024);
	}

	private void app(AppVariant paliad, AppVariant flyway, String how) {
		String added = "sample app (" + how + "): the starter's added time ≤ ⅓ of Flyway's";
		String logged = "sample app (" + how + "): the runner's own logged time ≤ 50 ms";
		if (this.appSamples.isEmpty()) {
			goal(added, NOT_MEASURED, null);
			goal(logged, NOT_MEASURED, null);
			return;
		}
		double paliadAdded = AppBootSection.added(this.appSamples, paliad);
		double flywayAdded = AppBootSection.added(this.appSamples, flyway);
		if (Double.isNaN(paliadAdded) || Double.isNaN(flywayAdded) || flywayAdded <= 0) {
			// Flyway booting no slower than no migrator at all is noise, not a yardstick.
			goal(added, String.format("%,.0f ms vs %,.0f ms: Flyway's added time is no base for a ratio", paliadAdded,
					flywayAdded), null);
		}
		else {
			goal(added, String.format("%,.0f ms vs %,.0f ms (%.2f of Flyway's)", paliadAdded, flywayAdded,
					paliadAdded / flywayAdded), paliadAdded <= flywayAdded / 3);
		}
		double ms = AppBootSection.loggedMs(this.appSamples, paliad);
		if (Double.isNaN(ms)) {
			goal(logged, "no duration found in the app's log", false);
		}
		else {
			goal(logged, String.format("%,.0f ms", ms), ms <= 50);
		}
	}

	private double wall(int n, Scenario scenario, Tool tool) {
		return this.report.wall(n, scenario, new Variant(tool, false));
	}

	private void goal(String goal, String measured, @Nullable Boolean reached) {
		this.md.append("| ")
			.append(goal)
			.append(" | ")
			.append(measured)
			.append(" | ")
			.append((reached == null) ? "–" : reached ? "yes" : "**no**")
			.append(" |\n");
	}

}
