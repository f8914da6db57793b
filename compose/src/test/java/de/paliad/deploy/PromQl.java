package de.paliad.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression refers to, as far as the dashboard and the alert
 * rules need: every identifier that starts with {@code paliad_} (label values inside
 * quotes excluded).
 */
final class PromQl {

	private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern PALIAD_NAME = Pattern.compile("(?<![A-Za-z0-9_:])paliad_[A-Za-z0-9_:]*");

	private PromQl() {
	}

	static Set<String> paliadMetrics(String expression) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PALIAD_NAME.matcher(QUOTED.matcher(expression).replaceAll("\"\""));
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	/** The metric names in a Prometheus text exposition (every sample line's name). */
	static Set<String> exposedNames(String exposition) {
		Set<String> names = new TreeSet<>();
		for (String line : exposition.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int end = 0;
			while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
				end++;
			}
			names.add(line.substring(0, end));
		}
		return names;
	}

}
