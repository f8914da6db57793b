package de.paliad.migration.maven;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.paliad.migration.core.CompatPolicy;
import de.paliad.migration.core.DryRunResult;
import de.paliad.migration.core.GateReport;
import de.paliad.migration.core.InvalidConfigurationException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;

/**
 * The CI reports of the gate goal, as the {@code dry-run} mode writes them
 * ({@code paliad.migration.reports}): SARIF, Markdown, Code Quality, JSON files and
 * workflow annotations, rendered by the core's {@link GateReport}. Relative files are
 * resolved against the project folder, as Maven resolves every path parameter.
 */
final class GateReports {

	private final List<GateReport.Target> targets;

	private final @Nullable String pathPrefix;

	private GateReports(List<GateReport.Target> targets, @Nullable String pathPrefix) {
		this.targets = targets;
		this.pathPrefix = pathPrefix;
	}

	/**
	 * Parses the parameter before any database starts, so a typo costs no server start.
	 * @param spec the {@code reports} parameter, e.g.
	 * {@code sarif:target/gate.sarif,markdown:target/gate.md,github}, or {@code null}
	 * @param pathPrefix the {@code reportPathPrefix} parameter, or {@code null}
	 * @param basedir the project folder relative files are resolved against
	 * @param folders the migration folders the gate reads
	 * @param root the build's root folder the default prefix is relative to
	 * @return the reports
	 * @throws MojoFailureException naming the bad entry and the right form
	 */
	static GateReports of(@Nullable String spec, @Nullable String pathPrefix, Path basedir, List<Path> folders,
			Path root) throws MojoFailureException {
		List<GateReport.Target> targets = new ArrayList<>();
		try {
			for (GateReport.Target target : GateReport.Target.parse(spec)) {
				Path file = target.file();
				targets.add((file == null || file.isAbsolute()) ? target
						: new GateReport.Target(target.format(), basedir.resolve(file)));
			}
		}
		catch (InvalidConfigurationException ex) {
			throw new MojoFailureException(
					"The gate's reports parameter (paliad.migration.reports) is invalid: " + ex.getMessage(), ex);
		}
		String prefix = (pathPrefix != null && !pathPrefix.isBlank()) ? pathPrefix.strip()
				: defaultPrefix(folders, root);
		return new GateReports(targets, prefix);
	}

	/**
	 * Where the one migration folder lives relative to the build's root, e.g.
	 * {@code sample-app/src/main/resources/db/migration/}, so annotations point at the
	 * file in the repository. With several folders one prefix cannot name them all:
	 * {@code null} lets the core give each file relative to the working directory.
	 */
	static @Nullable String defaultPrefix(List<Path> folders, Path root) {
		if (folders.size() != 1) {
			return null;
		}
		Path folder = folders.get(0).toAbsolutePath().normalize();
		Path base = root.toAbsolutePath().normalize();
		if (!folder.startsWith(base)) {
			return null;
		}
		String relative = base.relativize(folder).toString().replace('\\', '/');
		return relative.isEmpty() ? null : relative + "/";
	}

	boolean isEmpty() {
		return this.targets.isEmpty();
	}

	@Nullable String pathPrefix() {
		return this.pathPrefix;
	}

	List<GateReport.Target> targets() {
		return this.targets;
	}

	/**
	 * Writes the reports of a rehearsal that ran; annotations go to standard output,
	 * where the CI runner reads them.
	 * @param result the rehearsal's result
	 * @param compat what a breaking finding does
	 * @param snapshot the snapshot file, or {@code null}
	 * @param locations the locations the migrations were loaded from
	 * @param out standard output
	 * @throws MojoExecutionException when a file cannot be written
	 */
	void write(DryRunResult result, CompatPolicy compat, @Nullable Path snapshot, List<String> locations,
			PrintStream out) throws MojoExecutionException {
		GateReport report = GateReport.of(result, compat)
			.snapshot((snapshot != null) ? snapshot.toString() : null)
			.paths(locations, this.pathPrefix);
		try {
			report.write(this.targets, out);
		}
		catch (InvalidConfigurationException ex) {
			throw new MojoExecutionException(ex.getMessage(), ex);
		}
	}

}
