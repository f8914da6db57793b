package de.paliad.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tables were measured on: the figures only mean something next to these.
 */
final class Environment {

	private Environment() {
	}

	/**
	 * The 1, 5 and 15 minute load averages and the runnable/total tasks, from
	 * {@code /proc/loadavg}.
	 */
	static String loadAverage() {
		try {
			return Files.readString(Paths.get("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String cpu() {
		try {
			String model = Files.readAllLines(Paths.get("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.orElse("unknown CPU");
			return Runtime.getRuntime().availableProcessors() + " cores, " + model;
		}
		catch (IOException ex) {
			return Runtime.getRuntime().availableProcessors() + " cores";
		}
	}

	static String memory() {
		try {
			return Files.readAllLines(Paths.get("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.findFirst()
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String java() {
		return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
	}

	/**
	 * The version of a jar on the classpath, from its file name
	 * ({@code flyway-core-13.12.0.jar}).
	 */
	static String jarVersion(String artifactId) {
		Pattern pattern = Pattern.compile(Pattern.quote(artifactId) + "-(\\d[^/]*?)\\.jar");
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Matcher matcher = pattern.matcher(Paths.get(entry).getFileName().toString());
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		return "?";
	}

}
