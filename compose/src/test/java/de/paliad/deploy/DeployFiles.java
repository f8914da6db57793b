package de.paliad.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deploy files under {@code compose/} (the Swarm template, the e2e overlay, the CI
 * pipelines and their step scripts) as the tests read them.
 */
final class DeployFiles {

	private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

	private DeployFiles() {
	}

	/** The repository root: Maven runs the tests in {@code compose/}. */
	static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("compose")) && Files.isRegularFile(dir.resolve("mvnw"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("No repository root with compose/ above " + Path.of("").toAbsolutePath());
	}

	static Path file(String relative) {
		return root().resolve(relative);
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Parses YAML with the safe constructor: plain maps, lists and scalars only. */
	static Map<String, Object> yaml(String relative) {
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file(relative)));
		return map(document, relative);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value, String what) {
		if (!(value instanceof Map)) {
			throw new AssertionError(what + " is not a mapping: " + value);
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value, String what) {
		if (!(value instanceof List)) {
			throw new AssertionError(what + " is not a list: " + value);
		}
		return (List<Object>) value;
	}

	/** Follows a path of keys through nested mappings. */
	static Object at(Map<String, Object> root, String... keys) {
		Object current = root;
		StringBuilder path = new StringBuilder();
		for (String key : keys) {
			path.append('.').append(key);
			current = map(current, path.toString()).get(key);
			if (current == null) {
				throw new AssertionError("missing " + path.substring(1));
			}
		}
		return current;
	}

	/** A Go/Docker duration such as {@code 10s}, {@code 1m30s} or {@code 500ms}. */
	static Duration duration(Object value) {
		String text = String.valueOf(value);
		Matcher matcher = DURATION_PART.matcher(text);
		Duration total = Duration.ZERO;
		int end = 0;
		while (matcher.find()) {
			if (matcher.start() != end) {
				break;
			}
			long amount = Long.parseLong(matcher.group(1));
			total = total.plus(switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			});
			end = matcher.end();
		}
		if (end == 0 || end != text.length()) {
			throw new AssertionError("not a duration: " + text);
		}
		return total;
	}

}
