package de.paliad.deploy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import de.paliad.migration.core.ExitCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages of the CI migration gate, {@code compose/ci/steps/migration-gate.sh}, say
 * what {@link ExitCode} says: its {@code meaning} function has an arm for every failure
 * code with that code's meaning word for word, and its catch-all says what
 * {@link ExitCode#UNEXPECTED} means.
 */
class MigrationGateScriptTests {

	private static final Pattern MEANING_FUNCTION = Pattern.compile("(?ms)^meaning\\(\\) \\{\\n(.*?)^\\}");

	private static final Pattern ARM = Pattern.compile("(?m)^\\t(\\d+|\\*)\\) echo \"(.*)\" ;;$");

	@Test
	void gateMessagesStateTheMeaningOfEveryExitCode() {
		Map<String, String> arms = meaningArms(
				DeployFiles.read(DeployFiles.file("compose/ci/steps/migration-gate.sh")));
		Map<String, String> expected = new LinkedHashMap<>();
		Arrays.stream(ExitCode.values())
			.filter((code) -> code != ExitCode.SUCCESS && code != ExitCode.UNEXPECTED)
			.forEach((code) -> expected.put(String.valueOf(code.code()), code.meaning()));
		expected.put("*", ExitCode.UNEXPECTED.meaning());
		assertThat(arms).containsExactlyEntriesOf(expected);
	}

	private static Map<String, String> meaningArms(String script) {
		Matcher function = MEANING_FUNCTION.matcher(script);
		assertThat(function.find()).as("a meaning() function in migration-gate.sh").isTrue();
		Matcher arm = ARM.matcher(function.group(1));
		Map<String, String> arms = new LinkedHashMap<>();
		while (arm.find()) {
			arms.put(arm.group(1), arm.group(2));
		}
		return arms;
	}

}
