package de.paliad.migration.mode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.paliad.migration.core.ExitCode;
import de.paliad.migration.core.JsonText;
import de.paliad.migration.core.MigrationException;
import de.paliad.migration.core.MigrationFailedException;
import de.paliad.migration.core.MigrationValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What a command-line mode found, rendered as text for people or as one line of JSON for
 * machines. Each item of a section carries both: a line of text and its fields.
 */
final class ModeReport {

	private final Mode mode;

	private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

	private final List<Section> sections = new ArrayList<>();

	private String summary = "";

	private int exitCode;

	private @Nullable Map<String, @Nullable Object> error;

	ModeReport(Mode mode) {
		this.mode = mode;
	}

	/**
	 * The mode's name as it is written in the property, e.g. {@code dry-run}.
	 * @param mode the mode
	 * @return the name
	 */
	static String name(Mode mode) {
		return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	ModeReport summary(String summary) {
		this.summary = summary;
		return this;
	}

	/**
	 * Adds a machine-readable value that the text shows in its summary only.
	 */
	ModeReport value(String key, @Nullable Object value) {
		this.values.put(key, value);
		return this;
	}

	ModeReport section(String key, String heading, List<Item> items) {
		this.sections.add(new Section(key, heading, List.copyOf(items)));
		return this;
	}

	ModeReport exitCode(ExitCode exitCode) {
		this.exitCode = exitCode.code();
		return this;
	}

	/**
	 * Records the failure that ended the mode and its exit code.
	 * @param failure the failure
	 * @return this report
	 */
	ModeReport failed(MigrationException failure) {
		this.exitCode = failure.exitCode().code();
		this.error = new LinkedHashMap<>();
		this.error.put("type", failure.getClass().getSimpleName());
		this.error.put("message", failure.getMessage());
		if (failure instanceof MigrationFailedException sqlFailure) {
			this.error.put("version", sqlFailure.version());
			this.error.put("name", sqlFailure.migrationName());
			this.error.put("sqlState", sqlFailure.sqlState());
		}
		if (failure instanceof MigrationValidationException validation) {
			this.error.put("problems", validation.problems());
		}
		return this;
	}

	/**
	 * Records an unexpected failure (exit code 1).
	 * @param failure the failure
	 * @return this report
	 */
	ModeReport failedUnexpectedly(RuntimeException failure) {
		this.exitCode = ExitCode.UNEXPECTED.code();
		this.error = new LinkedHashMap<>();
		this.error.put("type", failure.getClass().getSimpleName());
		this.error.put("message", String.valueOf(failure.getMessage()));
		return this;
	}

	int exitCode() {
		return this.exitCode;
	}

	String toText() {
		StringBuilder text = new StringBuilder();
		String nl = System.lineSeparator();
		text.append("== paliad-migration ").append(name(this.mode)).append(" ==").append(nl);
		if (!this.summary.isEmpty()) {
			text.append(this.summary).append(nl);
		}
		for (Section section : this.sections) {
			text.append(nl).append(section.heading()).append(" (").append(section.items().size()).append("):");
			if (section.items().isEmpty()) {
				text.append(" none");
			}
			text.append(nl);
			section.items().forEach((item) -> text.append("  ").append(item.text()).append(nl));
		}
		if (this.error != null) {
			text.append(nl).append("FAILED: ").append(this.error.get("message")).append(nl);
		}
		text.append(nl).append("Exit code: ").append(this.exitCode).append(nl);
		return text.toString();
	}

	String toJson() {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("mode", name(this.mode));
		json.put("exitCode", this.exitCode);
		json.put("summary", this.summary);
		json.putAll(this.values);
		for (Section section : this.sections) {
			json.put(section.key(), section.items().stream().map(Item::fields).toList());
		}
		json.put("error", this.error);
		return JsonText.write(json);
	}

	/**
	 * One entry of a section.
	 *
	 * @param text the line for people
	 * @param fields the fields for machines
	 */
	record Item(String text, Map<String, @Nullable Object> fields) {

		static Item of(String text, @Nullable Object... keysAndValues) {
			Map<String, @Nullable Object> fields = new LinkedHashMap<>();
			for (int i = 0; i < keysAndValues.length; i += 2) {
				fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
			return new Item(text, fields);
		}

	}

	private record Section(String key, String heading, List<Item> items) {

	}

}
