package de.paliad.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.paliad.bench.AppBootBenchmark.AppVariant;

/**
 * The migration run's duration as the migrator itself logs it in the app's log. paliad
 * logs one summary per run
 * ({@code Migrations up to date: ... in <ms> ms (lock wait ...)}, written by core's
 * {@code MigrateOperation}): the whole run, from listing the location to releasing the
 * lock. Flyway logs no total; the nearest it states is its validation's
 * {@code Successfully validated <n> migrations (execution time mm:ss.SSSs)}, which covers
 * reading, hashing and comparing every file but not its connection set-up or the schema
 * history's lock.
 */
final class MigratorLog {

	static final Pattern PALIAD = Pattern.compile("Migrations up to date: .* in (\\d+) ms");

	static final Pattern FLYWAY = Pattern
		.compile("Successfully validated \\d+ migrations? \\(execution time (\\d+):(\\d+)\\.(\\d+)s\\)");

	private MigratorLog() {
	}

	/**
	 * The logged duration in ms.
	 * @param variant what booted
	 * @param lines its log
	 * @return the last logged duration, or -1 when the log states none
	 */
	static long loggedMs(AppVariant variant, List<String> lines) {
		long found = -1;
		for (String line : lines) {
			if (variant.paliad()) {
				Matcher matcher = PALIAD.matcher(line);
				if (matcher.find()) {
					found = Long.parseLong(matcher.group(1));
				}
			}
			else if (variant.flyway()) {
				Matcher matcher = FLYWAY.matcher(line);
				if (matcher.find()) {
					found = (Long.parseLong(matcher.group(1)) * 60 + Long.parseLong(matcher.group(2))) * 1000
							+ Long.parseLong(matcher.group(3));
				}
			}
		}
		return found;
	}

}
