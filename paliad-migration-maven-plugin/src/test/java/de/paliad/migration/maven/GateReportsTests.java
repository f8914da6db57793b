package de.paliad.migration.maven;

import java.nio.file.Path;
import java.util.List;

import de.paliad.migration.core.GateReport;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GateReportsTests {

	private static final Path ROOT = Path.of("/repo");

	private static final Path MODULE = ROOT.resolve("sample-app");

	private static final Path FOLDER = MODULE.resolve("src/main/resources/db/migration");

	@Test
	void theDefaultPrefixIsTheFolderRelativeToTheBuildRoot() throws MojoFailureException {
		GateReports reports = GateReports.of(null, null, MODULE, List.of(FOLDER), ROOT);
		assertThat(reports.pathPrefix()).isEqualTo("sample-app/src/main/resources/db/migration/");
	}

	@Test
	void aGivenPrefixWins() throws MojoFailureException {
		GateReports reports = GateReports.of(null, " app/db/ ", MODULE, List.of(FOLDER), ROOT);
		assertThat(reports.pathPrefix()).isEqualTo("app/db/");
	}

	@Test
	void severalFoldersOrOneOutsideTheRootHaveNoDefaultPrefix() {
		assertThat(GateReports.defaultPrefix(List.of(FOLDER, MODULE.resolve("db")), ROOT)).isNull();
		assertThat(GateReports.defaultPrefix(List.of(Path.of("/elsewhere/db")), ROOT)).isNull();
	}

	@Test
	void relativeFilesAreResolvedAgainstTheProjectAndAnnotationsHaveNone() throws MojoFailureException {
		GateReports reports = GateReports.of("sarif:target/gate.sarif,markdown:/tmp/gate.md,github", null, MODULE,
				List.of(FOLDER), ROOT);
		assertThat(reports.targets()).containsExactly(
				new GateReport.Target(GateReport.Format.SARIF, MODULE.resolve("target/gate.sarif")),
				new GateReport.Target(GateReport.Format.MARKDOWN, Path.of("/tmp/gate.md")),
				new GateReport.Target(GateReport.Format.GITHUB, null));
	}

	@Test
	void anUnknownFormatFailsTheBuildNamingTheParameter() {
		assertThatExceptionOfType(MojoFailureException.class)
			.isThrownBy(() -> GateReports.of("sarif:target/gate.sarif,pdf:x.pdf", null, MODULE, List.of(FOLDER), ROOT))
			.withMessageContaining("paliad.migration.reports")
			.withMessageContaining("pdf");
	}

}
