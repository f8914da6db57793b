package de.paliad.migration.core;

import java.nio.file.Path;
import java.util.List;

import de.paliad.migration.core.GateReport.Format;
import de.paliad.migration.core.GateReport.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The settings of the gate's reports: the list of reports to write
 * ({@code paliad.migration.reports}) and the repository paths of the migration files
 * ({@code paliad.migration.report-path-prefix}).
 */
class GateReportSettingsTests {

	@Test
	void aListOfReportsParsesInOrderWithAnnotationsWithoutAFile() {
		assertThat(Target.parse(" sarif:build/gate.sarif, markdown:build/gate.md ,github,gitlab:gl-code-quality.json"))
			.containsExactly(new Target(Format.SARIF, Path.of("build/gate.sarif")),
					new Target(Format.MARKDOWN, Path.of("build/gate.md")), new Target(Format.GITHUB, null),
					new Target(Format.GITLAB, Path.of("gl-code-quality.json")));
		assertThat(Target.parse("json:C:\\build\\gate.json")).as("split at the first colon only")
			.containsExactly(new Target(Format.JSON, Path.of("C:\\build\\gate.json")));
	}

	@Test
	void noReportsIsAnEmptyList() {
		assertThat(Target.parse(null)).isEmpty();
		assertThat(Target.parse("  ")).isEmpty();
	}

	@Test
	void anUnknownFormatIsRejectedWithTheFormatsAndAnExample() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> Target.parse("sarif:build/gate.sarif,junit:build/gate.xml"))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCode.INVALID_CONFIGURATION))
			.withMessage("Invalid paliad.migration.reports='sarif:build/gate.sarif,junit:build/gate.xml': 'junit' in"
					+ " 'junit:build/gate.xml' is not a report format. Write comma-separated <format>:<file> entries"
					+ " (formats: text, json, sarif, github, gitea, gitlab, markdown; github and gitea without a file,"
					+ " they print annotations), e.g. paliad.migration.reports=sarif:build/gate.sarif,"
					+ "markdown:build/gate.md,github.");
	}

	@Test
	void aFileFormatWithoutAFileIsRejected() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> Target.parse("sarif"))
			.withMessageContaining("'sarif' names no file; write 'sarif:<file>', e.g. 'sarif:build/gate.sarif'");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> Target.parse("markdown: "))
			.withMessageContaining("names no file");
	}

	@Test
	void annotationsWithAFileAreRejected() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> Target.parse("github:build/annotations.txt"))
			.withMessageContaining("github annotations go to standard output, where the runner reads them");
	}

	@Test
	void emptyEntriesAndRepeatsAreRejected() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> Target.parse("sarif:a.sarif,"))
			.withMessageContaining("empty entry");
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> Target.parse("sarif:build/a.json,json:build/../build/a.json"))
			.withMessageContaining("is named twice");
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> Target.parse("gitea,gitea"))
			.withMessageContaining("'gitea' is named twice");
	}

	@Test
	void aClasspathLocationIsWhereMavenAndGradleKeepResources() {
		ReportPaths paths = new ReportPaths(List.of("classpath:db/migration"), null);

		assertThat(paths.of("classpath:db/migration/V3__x.sql")).isEqualTo("src/main/resources/db/migration/V3__x.sql");
		assertThat(paths.of("classpath:/db/migration/sub/4_y.up.sql"))
			.isEqualTo("src/main/resources/db/migration/sub/4_y.up.sql");
		assertThat(paths.of("db/migration/5_z.up.sql")).as("a location without a scheme is on the classpath")
			.isEqualTo("src/main/resources/db/migration/5_z.up.sql");
	}

	@Test
	void aFilesystemLocationIsGivenRelativeToTheWorkingDirectory() {
		ReportPaths paths = new ReportPaths(List.of(), null);
		Path inside = Path.of("").toAbsolutePath().resolve("migrations/1_x.up.sql");

		assertThat(paths.of("filesystem:" + inside)).isEqualTo("migrations/1_x.up.sql");
		assertThat(paths.of("filesystem:./db/2_y.up.sql")).isEqualTo("db/2_y.up.sql");
		assertThat(paths.of("filesystem:/elsewhere/3_z.up.sql")).isEqualTo("/elsewhere/3_z.up.sql");
	}

	@Test
	void aConfiguredPrefixReplacesTheLongestMatchingLocation() {
		ReportPaths paths = new ReportPaths(List.of("classpath:db", "classpath:db/extra/"),
				"app/src/main/resources/db");

		assertThat(paths.of("classpath:db/extra/1_x.up.sql")).isEqualTo("app/src/main/resources/db/1_x.up.sql");
		assertThat(paths.of("classpath:db/2_y.up.sql")).isEqualTo("app/src/main/resources/db/2_y.up.sql");
		assertThat(paths.of("somewhere:else/3_z.up.sql")).as("no location matches: the prefix and the file name")
			.isEqualTo("app/src/main/resources/db/3_z.up.sql");
	}

}
