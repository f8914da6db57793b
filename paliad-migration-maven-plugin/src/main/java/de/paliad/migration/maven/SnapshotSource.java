package de.paliad.migration.maven;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;

/**
 * A production snapshot published at a URL (a CI artifact, an object-store link): fetched
 * once into the build directory, so the gate restores a file as always. Only
 * {@code http}, {@code https} and {@code file} URLs; credentials in the URL are never
 * logged.
 */
final class SnapshotSource {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private SnapshotSource() {
	}

	/**
	 * Fetches {@code url} into {@code target}.
	 * @param url the snapshot's URL
	 * @param target where to write it
	 * @return {@code target}
	 * @throws MojoFailureException when the URL is not usable or the fetch fails
	 */
	static Path fetch(String url, Path target) throws MojoFailureException {
		URI uri = uri(url);
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			if ("file".equals(uri.getScheme())) {
				Files.copy(Path.of(uri), target, StandardCopyOption.REPLACE_EXISTING);
				return target;
			}
			HttpClient client = HttpClient.newBuilder()
				.connectTimeout(TIMEOUT)
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
					HttpResponse.BodyHandlers.ofFile(target));
			if (response.statusCode() != 200) {
				Files.deleteIfExists(target);
				throw new MojoFailureException("The snapshot at " + redacted(uri)
						+ " (paliad.migration.snapshot-url) could not be fetched: HTTP " + response.statusCode()
						+ ". Check the URL and that the CI job may read it.");
			}
			return target;
		}
		catch (IOException ex) {
			throw new MojoFailureException("The snapshot at " + redacted(uri)
					+ " (paliad.migration.snapshot-url) could not be fetched: " + ex.getMessage()
					+ ". Check the URL and the network, or download it first and give paliad.migration.snapshot.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MojoFailureException("Interrupted while fetching the snapshot at " + redacted(uri));
		}
	}

	private static URI uri(String url) throws MojoFailureException {
		try {
			URI uri = URI.create(url.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
				throw new IllegalArgumentException("the scheme must be http, https or file");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new MojoFailureException("paliad.migration.snapshot-url is not a usable URL (" + ex.getMessage()
					+ "): give an http(s):// or file: URL of the pg_dump file.");
		}
	}

	/** The URL without user info or query: either may carry a secret. */
	static String redacted(URI uri) {
		return uri.getScheme() + "://" + ((uri.getHost() != null) ? uri.getHost() : "")
				+ ((uri.getPort() != -1) ? ":" + uri.getPort() : "") + ((uri.getPath() != null) ? uri.getPath() : "");
	}

}
