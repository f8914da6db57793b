package de.paliad.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a harness's Markdown into a doc between {@code <!-- generated:<id>:begin -->} and
 * {@code <!-- generated:<id>:end -->}, so the tables in docs/ are the ones the last run
 * wrote, never typed. Headings are demoted one level and the report's own title is
 * dropped, to fit under the doc's section.
 */
public final class GeneratedSection {

	private GeneratedSection() {
	}

	/**
	 * Replaces the section {@code id} of {@code doc} with {@code markdown}; does nothing
	 * when the doc or its markers are missing (a run outside the repository).
	 * @return whether the doc was updated
	 */
	public static boolean replace(Path doc, String id, String markdown) throws IOException {
		if (doc == null || !Files.isRegularFile(doc)) {
			return false;
		}
		String begin = "<!-- generated:" + id + ":begin -->";
		String end = "<!-- generated:" + id + ":end -->";
		String text = Files.readString(doc, StandardCharsets.UTF_8);
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			return false;
		}
		String updated = text.substring(0, from + begin.length()) + "\n" + demote(markdown) + "\n" + text.substring(to);
		Files.writeString(doc, updated, StandardCharsets.UTF_8);
		return true;
	}

	private static String demote(String markdown) {
		List<String> lines = new ArrayList<>();
		boolean titleDropped = false;
		for (String line : markdown.split("\n", -1)) {
			if (!titleDropped && line.startsWith("# ")) {
				titleDropped = true;
				continue;
			}
			lines.add(line.startsWith("#") ? "#" + line : line);
		}
		return String.join("\n", lines).strip();
	}

}
