package de.paliad.migration.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step after a dry run that weighs its findings by the production size of their
 * table: each finding on a table whose size is known says so
 * ({@code ~12 M rows, 3.1 GB}), and one on a table over the size limit is marked so — a
 * blocking finding there fails the gate. Sizes come from the configured sidecar file,
 * else from the pg_dump statistics in the snapshot; without either, the result says the
 * sizes are unknown.
 *
 * <p>
 * Built before the dry run so that a bad sidecar file stops the gate before the database
 * is touched.
 */
final class SizeAnnotator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final @Nullable TableSizes sizes;

	private final long sizeLimit;

	private final long rowLimit;

	SizeAnnotator(@Nullable TableSizes sizes, long sizeLimit, long rowLimit) {
		this.sizes = sizes;
		this.sizeLimit = sizeLimit;
		this.rowLimit = rowLimit;
	}

	/**
	 * Reads the sizes for a dry run: the configured sidecar file, else the statistics in
	 * the snapshot.
	 * @param configuration the configuration with the sidecar file and the limits
	 * @param snapshot the snapshot the dry run restores, or {@code null}
	 * @return the annotator
	 * @throws InvalidConfigurationException for a sidecar file that is missing or not in
	 * the format
	 */
	static SizeAnnotator of(MigrationConfiguration configuration, @Nullable Path snapshot) {
		Path sidecar = configuration.tableSizes();
		TableSizes sizes = (sidecar != null) ? TableSizes.read(sidecar) : statistics(snapshot);
		return new SizeAnnotator(sizes, configuration.sizeLimit(), configuration.rowLimit());
	}

	private static @Nullable TableSizes statistics(@Nullable Path snapshot) {
		if (snapshot == null) {
			return null;
		}
		try {
			return DumpStatistics.read(Files.readString(snapshot, StandardCharsets.UTF_8),
					String.valueOf(snapshot.getFileName()));
		}
		catch (IOException ex) {
			return null; // the restore reports an unreadable snapshot
		}
	}

	/**
	 * The result with its findings weighed by size.
	 * @param result the dry run's result
	 * @return the annotated result
	 */
	DryRunResult annotate(DryRunResult result) {
		if (this.sizes == null) {
			logger.info(DryRunResult.Sizes.UNKNOWN.summary());
			return new DryRunResult(result.plan(), result.steps(), result.failure(), result.findings(), result.kind(),
					DryRunResult.Sizes.UNKNOWN);
		}
		List<Finding> findings = result.findings().stream().map(this::annotate).toList();
		long over = findings.stream().filter((f) -> f.overSizeLimit() && f.severity() == Severity.BLOCKING).count();
		String summary = "Table sizes: " + this.sizes.count() + " tables from " + this.sizes.source() + "; " + limits()
				+ ((over > 0) ? " " + over + " blocking finding(s) on tables over the limit." : "");
		logger.info(summary);
		return new DryRunResult(result.plan(), result.steps(), result.failure(), findings, result.kind(),
				new DryRunResult.Sizes(true, summary));
	}

	private Finding annotate(Finding finding) {
		if (finding.severity() == Severity.INFO) {
			return finding; // new objects and safe changes: a size would only be noise
		}
		TableSize size = this.sizes.of(finding.object());
		if (size == null) {
			return finding;
		}
		boolean over = overLimit(size);
		return finding.withSize(size.describe() + (over ? ", over the size limit" : ""), over);
	}

	boolean overLimit(TableSize size) {
		return (this.sizeLimit > 0 && size.bytes() > this.sizeLimit)
				|| (this.rowLimit > 0 && size.rows() > this.rowLimit);
	}

	private String limits() {
		if (this.sizeLimit <= 0 && this.rowLimit <= 0) {
			return "no size limit is set, so blocking findings do not fail the gate.";
		}
		String bytes = (this.sizeLimit > 0) ? TableSize.bytes(this.sizeLimit) : null;
		String rows = (this.rowLimit > 0) ? TableSize.rows(this.rowLimit).replace("~", "") : null;
		return "a blocking finding on a table over "
				+ ((bytes != null && rows != null) ? bytes + " or " + rows : (bytes != null) ? bytes : rows)
				+ " fails the gate.";
	}

}
