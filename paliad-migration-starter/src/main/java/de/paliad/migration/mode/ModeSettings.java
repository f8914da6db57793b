package de.paliad.migration.mode;

import de.paliad.migration.core.ChecksumPolicy;
import de.paliad.migration.core.CompatPolicy;
import org.jspecify.annotations.Nullable;

/**
 * What a command-line mode needs to know beyond the migrator: which mode, how to print
 * its report, and the values only some modes read.
 *
 * @param mode the mode to run
 * @param output the format of the report
 * @param target the version {@code down} and {@code baseline} work on, or {@code null}
 * @param snapshot a {@code pg_dump} file {@code dry-run} restores first, or {@code null}
 * @param compat what a {@code dry-run} finding that breaks the running version does
 * @param verifyChecksums what a changed file of an applied migration does, as
 * {@code plan} reports it
 * @param reports the reports {@code dry-run} writes besides its output, e.g.
 * {@code sarif:build/gate.sarif,github}, or {@code null}
 * @param reportPathPrefix what replaces the migration location in the file paths of those
 * reports, or {@code null} to derive it from the location
 * @param rehearse whether {@code dry-run} without a snapshot rehearses on this (scratch)
 * database and commits, instead of rolling back one transaction
 */
public record ModeSettings(Mode mode, Output output, @Nullable Long target, @Nullable String snapshot,
		CompatPolicy compat, ChecksumPolicy verifyChecksums, @Nullable String reports,
		@Nullable String reportPathPrefix, boolean rehearse) {

	/**
	 * Settings of a dry run that rolls back when it has no snapshot.
	 * @param mode the mode to run
	 * @param output the format of the report
	 * @param target the version {@code down} and {@code baseline} work on, or
	 * {@code null}
	 * @param snapshot a {@code pg_dump} file {@code dry-run} restores first, or
	 * {@code null}
	 * @param compat what a {@code dry-run} finding that breaks the running version does
	 * @param verifyChecksums what a changed file of an applied migration does
	 * @param reports the reports {@code dry-run} writes besides its output, or
	 * {@code null}
	 * @param reportPathPrefix the path prefix of those reports, or {@code null}
	 */
	public ModeSettings(Mode mode, Output output, @Nullable Long target, @Nullable String snapshot, CompatPolicy compat,
			ChecksumPolicy verifyChecksums, @Nullable String reports, @Nullable String reportPathPrefix) {
		this(mode, output, target, snapshot, compat, verifyChecksums, reports, reportPathPrefix, false);
	}

	/**
	 * Settings without extra gate reports.
	 * @param mode the mode to run
	 * @param output the format of the report
	 * @param target the version {@code down} and {@code baseline} work on, or
	 * {@code null}
	 * @param snapshot a {@code pg_dump} file {@code dry-run} restores first, or
	 * {@code null}
	 * @param compat what a {@code dry-run} finding that breaks the running version does
	 * @param verifyChecksums what a changed file of an applied migration does
	 */
	public ModeSettings(Mode mode, Output output, @Nullable Long target, @Nullable String snapshot, CompatPolicy compat,
			ChecksumPolicy verifyChecksums) {
		this(mode, output, target, snapshot, compat, verifyChecksums, null, null, false);
	}

}
