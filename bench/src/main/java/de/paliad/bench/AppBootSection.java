package de.paliad.bench;

import java.util.List;

import de.paliad.bench.AppBootBenchmark.AppSample;
import de.paliad.bench.AppBootBenchmark.AppVariant;

/**
 * The sample app's boot table: JVM start to readiness per variant, and what the migrator
 * adds over the app without one.
 */
final class AppBootSection {

	private final List<AppSample> samples;

	private final BenchConfig config;

	AppBootSection(List<AppSample> samples, BenchConfig config) {
		this.samples = samples;
		this.config = config;
	}

	void write(StringBuilder md) {
		if (this.samples.isEmpty()) {
			return;
		}
		md.append("## Sample app: JVM start to readiness, ")
			.append(String.format("%,d", this.config.appSize()))
			.append(" migrations applied, none pending\n\n");
		md.append("`sample-app` fat jar, first `200` from `/actuator/health/readiness` (polled every 20 ms),"
				+ " median of ")
			.append(this.config.runs())
			.append(" boots per variant, interleaved. Every variant boots the same jar: the sample app's with the"
					+ " set packaged under `BOOT-INF/classes/bench/` (paliad's files with the build-time index the"
					+ " Maven plugin's `index` goal writes, as the sample app's own build does; Flyway's files);"
					+ " the folder variants point their location at the same files outside the jar. The logged time"
					+ " is the migrator's own: paliad's summary line (`Migrations up to date: … in N ms`, the whole"
					+ " run); Flyway logs no total, so its column shows its validation's `execution time`.\n\n");
		md.append("| variant | median ms | min–max ms | added over no migrator (ms) | migrator's logged time"
				+ " (median ms) | peak RSS MiB |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
		double none = Stats.median(ResultReport.appReady(this.samples, AppVariant.NONE));
		for (AppVariant variant : AppVariant.values()) {
			List<Long> ready = ResultReport.appReady(this.samples, variant);
			double median = Stats.median(ready);
			double rss = Stats
				.median(this.samples.stream().filter((s) -> s.variant() == variant).map(AppSample::peakRssKb).toList());
			String added = (variant == AppVariant.NONE) ? "–" : Stats.ms(median - none);
			String logged = (variant == AppVariant.NONE) ? "–" : Stats.ms(loggedMs(this.samples, variant));
			md.append("| ")
				.append(variant.label())
				.append(" | ")
				.append(Stats.ms(median))
				.append(" | ")
				.append(ready.stream().mapToLong(Long::longValue).min().orElse(-1))
				.append("–")
				.append(ready.stream().mapToLong(Long::longValue).max().orElse(-1))
				.append(" | ")
				.append(added)
				.append(" | ")
				.append(logged)
				.append(" | ")
				.append(Stats.mib(rss))
				.append(" |\n");
		}
		md.append('\n');
	}

	/**
	 * The median of the migrator's logged durations ({@link MigratorLog}), NaN when no
	 * boot's log stated one.
	 */
	static double loggedMs(List<AppSample> samples, AppVariant variant) {
		return Stats.median(samples.stream()
			.filter((s) -> s.variant() == variant && s.loggedMs() >= 0)
			.map(AppSample::loggedMs)
			.toList());
	}

	/** The migrator's added boot cost: median with it minus median without any. */
	static double added(List<AppSample> samples, AppVariant variant) {
		return Stats.median(ResultReport.appReady(samples, variant))
				- Stats.median(ResultReport.appReady(samples, AppVariant.NONE));
	}

}
