package de.paliad.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A deploy script's run against scripted fakes (a fake {@code docker}, {@code curl}, …
 * that read and log under {@code $FAKE}): its exit code and its output.
 *
 * @param code the exit code
 * @param output standard output and error, interleaved
 */
record ScriptRun(int code, String output) {

	/**
	 * Runs {@code command} with {@code FAKE} pointing at {@code fake}, bounded to 60 s.
	 * @param fake the fakes' folder, which also receives the output
	 * @param command the command
	 * @param environment more environment variables
	 * @return the run
	 * @throws Exception when it cannot start, or does not finish in time
	 */
	static ScriptRun of(Path fake, List<String> command, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("FAKE", fake.toString());
		builder.environment().putAll(environment);
		Path output = fake.resolve("output-" + System.nanoTime());
		Process process = builder.redirectOutput(output.toFile()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish within 60 s");
		}
		return new ScriptRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

}
