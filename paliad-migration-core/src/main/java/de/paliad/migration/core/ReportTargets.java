package de.paliad.migration.core;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.paliad.migration.core.GateReport.Format;
import de.paliad.migration.core.GateReport.Target;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code paliad.migration.reports}: comma-separated {@code <format>:<file>}
 * entries, and {@code github} or {@code gitea} alone for annotations on standard output.
 * A bad entry is rejected before the dry run starts, so a typo never costs a gate run.
 */
final class ReportTargets {

	static final String PROPERTY = "paliad.migration.reports";

	private static final String EXAMPLE = PROPERTY + "=sarif:build/gate.sarif,markdown:build/gate.md,github";

	private ReportTargets() {
	}

	static List<Target> parse(@Nullable String spec) {
		if (spec == null || spec.isBlank()) {
			return List.of();
		}
		List<Target> targets = new ArrayList<>();
		Set<Path> files = new HashSet<>();
		Set<Format> toStandardOutput = new HashSet<>();
		for (String raw : spec.split(",", -1)) {
			String entry = raw.strip();
			if (entry.isEmpty()) {
				throw invalid(spec, "it has an empty entry (two commas, or a comma at an end)");
			}
			// Split at the first colon only: a Windows path (C:\build\gate.sarif) keeps
			// its own.
			int colon = entry.indexOf(':');
			String id = (colon < 0) ? entry : entry.substring(0, colon).strip();
			String file = (colon < 0) ? "" : entry.substring(colon + 1).strip();
			Format format = Format.byId(id)
				.orElseThrow(() -> invalid(spec, "'" + id + "' in '" + entry + "' is not a report format"));
			Target target = target(spec, entry, format, file);
			if (target.file() != null && !files.add(target.file().toAbsolutePath().normalize())) {
				throw invalid(spec, "the file " + target.file() + " is named twice");
			}
			if (target.file() == null && !toStandardOutput.add(format)) {
				throw invalid(spec, "'" + format.id() + "' is named twice");
			}
			targets.add(target);
		}
		return List.copyOf(targets);
	}

	private static Target target(String spec, String entry, Format format, String file) {
		if (format.toStandardOutput()) {
			if (!file.isEmpty()) {
				throw invalid(spec,
						"'" + entry + "': " + format.id()
								+ " annotations go to standard output, where the runner reads them; write '"
								+ format.id() + "' without a file");
			}
			return new Target(format, null);
		}
		if (file.isEmpty()) {
			throw invalid(spec, "'" + entry + "' names no file; write '" + format.id() + ":<file>', e.g. '"
					+ format.id() + ":build/gate." + extension(format) + "'");
		}
		try {
			return new Target(format, Path.of(file));
		}
		catch (InvalidPathException ex) {
			throw invalid(spec, "'" + file + "' is not a file path (" + ex.getReason() + ")");
		}
	}

	private static String extension(Format format) {
		return switch (format) {
			case TEXT -> "txt";
			case MARKDOWN -> "md";
			case GITLAB -> "codequality.json";
			default -> format.id();
		};
	}

	private static InvalidConfigurationException invalid(String spec, String problem) {
		String formats = Arrays.stream(Format.values()).map(Format::id).collect(Collectors.joining(", "));
		return new InvalidConfigurationException("Invalid " + PROPERTY + "='" + spec + "': " + problem
				+ ". Write comma-separated <format>:<file> entries (formats: " + formats
				+ "; github and gitea without a file, they print annotations), e.g. " + EXAMPLE + ".");
	}

}
