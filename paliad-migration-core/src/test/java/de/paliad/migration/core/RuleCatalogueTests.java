package de.paliad.migration.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/rules.md} and {@link Rule} cannot drift apart: a section per rule, headed
 * by exactly its ID (the anchor reports link to), in the enum's order, stating the rule's
 * severity and how to allow it, and a row in the comparison table; and no section for a
 * rule that does not exist.
 */
class RuleCatalogueTests {

	/** A level-2 heading that looks like a rule ID; other headings are prose sections. */
	private static final Pattern RULE_HEADING = Pattern.compile("^## ([a-z0-9]+(?:-[a-z0-9]+)*)$", Pattern.MULTILINE);

	private Map<String, String> sections;

	private String catalogue;

	@BeforeEach
	void readCatalogue() throws IOException {
		this.catalogue = Files.readString(docs("rules.md"), StandardCharsets.UTF_8);
		this.sections = ruleSections(this.catalogue);
	}

	@Test
	void everyRuleHasASectionInTheEnumsOrderAndEverySectionNamesARule() {
		assertThat(new ArrayList<>(this.sections.keySet())).as("rule sections of docs/rules.md")
			.containsExactlyElementsOf(Arrays.stream(Rule.values()).map(Rule::id).toList());
	}

	@Test
	void everySectionStatesItsRulesSeverityAndHowToAllowIt() {
		for (Rule rule : Rule.values()) {
			assertThat(this.sections.get(rule.id())).as("docs/rules.md#%s", rule.id())
				.isNotNull()
				.contains("**Severity:** " + rule.severity().name().toLowerCase(Locale.ROOT))
				.contains("**Detected:**")
				.contains("**Allow:**");
		}
	}

	@Test
	void everyRuleHasARowInTheComparisonTable() {
		int table = this.catalogue.indexOf("## Comparison with other tools");
		assertThat(table).as("a comparison section in docs/rules.md").isNotNegative();
		String comparison = this.catalogue.substring(table, this.catalogue.indexOf("\n## ", table + 1));
		for (Rule rule : Rule.values()) {
			assertThat(comparison).as("comparison row of %s", rule.id())
				.contains("[" + rule.id() + "](#" + rule.id() + ")");
		}
	}

	@Test
	void aSectionForAnUnknownRuleWouldBeFound() {
		Map<String, String> withStray = ruleSections(this.catalogue + "\n## drop-everything\n\nNo such rule.\n");

		assertThat(withStray).containsKey("drop-everything");
		assertThat(Rule.byId("drop-everything")).isEmpty();
	}

	/**
	 * The rule sections, by heading, each up to the next level-2 heading.
	 */
	private static Map<String, String> ruleSections(String markdown) {
		Map<String, String> sections = new LinkedHashMap<>();
		Matcher heading = RULE_HEADING.matcher(markdown);
		while (heading.find()) {
			int end = markdown.indexOf("\n## ", heading.start() + 1);
			sections.put(heading.group(1), markdown.substring(heading.start(), (end < 0) ? markdown.length() : end));
		}
		return sections;
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
