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
			.append(" boots per variant, interleaved.\n\n");
		md.append("| variant | median ms | min–max ms | added over no migrator (ms) | peak RSS MiB |\n");
		md.append("| --- | ---: | ---: | ---: | ---: |\n");
		double none = Stats.median(ResultReport.appReady(this.samples, AppVariant.NONE));
		for (AppVariant variant : AppVariant.values()) {
			List<Long> ready = ResultReport.appReady(this.samples, variant);
			double median = Stats.median(ready);
			double rss = Stats
				.median(this.samples.stream().filter((s) -> s.variant() == variant).map(AppSample::peakRssKb).toList());
			String added = (variant == AppVariant.NONE) ? "–" : Stats.ms(median - none);
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
				.append(Stats.mib(rss))
				.append(" |\n");
		}
		md.append('\n');
	}

	/** The migrator's added boot cost: median with it minus median without any. */
	static double added(List<AppSample> samples, AppVariant variant) {
		return Stats.median(ResultReport.appReady(samples, variant))
				- Stats.median(ResultReport.appReady(samples, AppVariant.NONE));
	}

}
