package de.paliad.migration.mode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.paliad.migration.core.ExitCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit-code table of {@code docs/modes.md} says what {@link ExitCode} says: a row for
 * every code, in order, with its meaning word for word (code formatting aside).
 */
class ExitCodeTableTests {

	private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (.+?) \\| .+ \\|$", Pattern.MULTILINE);

	@Test
	void theModesDocumentationStatesTheMeaningOfEveryExitCode() throws IOException {
		Map<Integer, String> table = exitCodeTable(Files.readString(docs("modes.md"), StandardCharsets.UTF_8));
		assertThat(table.keySet())
			.containsExactlyElementsOf(Arrays.stream(ExitCode.values()).map(ExitCode::code).toList());
		for (ExitCode exitCode : ExitCode.values()) {
			assertThat(table.get(exitCode.code())).as("docs/modes.md, exit code %d", exitCode.code())
				.isEqualTo(exitCode.meaning());
		}
	}

	/**
	 * The rows of the table under "## Exit codes": code to meaning, backticks removed.
	 */
	private static Map<Integer, String> exitCodeTable(String markdown) {
		int start = markdown.indexOf("\n## Exit codes\n");
		assertThat(start).as("a section '## Exit codes' in docs/modes.md").isNotNegative();
		int end = markdown.indexOf("\n## ", start + 1);
		Matcher row = ROW.matcher(markdown.substring(start, (end < 0) ? markdown.length() : end));
		Map<Integer, String> table = new LinkedHashMap<>();
		while (row.find()) {
			table.put(Integer.parseInt(row.group(1)), row.group(2).replace("`", ""));
		}
		return table;
	}

	/**
	 * A file under the repository's {@code docs/}: Maven runs the tests in the module.
	 */
	private static Path docs(String name) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("docs").resolve(name)) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir.resolve("docs").resolve(name);
			}
		}
		throw new IllegalStateException("No docs/" + name + " above " + Path.of("").toAbsolutePath());
	}

}
