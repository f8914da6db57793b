package de.paliad.migration.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SnapshotSource}, against a real HTTP server on loopback.
 */
class SnapshotSourceTests {

	private static final String DUMP = "CREATE TABLE public.users (id bigint);\n";

	@TempDir
	Path dir;

	private HttpServer server;

	@BeforeEach
	void serve() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/prod-schema.sql", (exchange) -> {
			byte[] body = DUMP.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void fetchesAnHttpSnapshotIntoTheBuildDirectory() throws Exception {
		Path target = this.dir.resolve("paliad-migration/snapshot.sql");

		SnapshotSource.fetch(base() + "/prod-schema.sql?token=s3cret", target);

		assertThat(target).hasContent(DUMP.strip());
	}

	@Test
	void copiesAFileUrl() throws Exception {
		Path source = Files.writeString(this.dir.resolve("dump.sql"), DUMP);
		Path target = this.dir.resolve("out/snapshot.sql");

		SnapshotSource.fetch(source.toUri().toString(), target);

		assertThat(target).hasContent(DUMP.strip());
	}

	@Test
	void aMissingSnapshotFailsWithTheStatusAndWithoutTheSecretsOfTheUrl() {
		String url = "http://ci:p4ssw0rd@127.0.0.1:" + this.server.getAddress().getPort() + "/missing.sql?token=s3cret";

		assertThatExceptionOfType(MojoFailureException.class)
			.isThrownBy(() -> SnapshotSource.fetch(url, this.dir.resolve("snapshot.sql")))
			.withMessageContaining("HTTP 404")
			.withMessageContaining("/missing.sql")
			.withMessageNotContaining("p4ssw0rd")
			.withMessageNotContaining("s3cret");
		assertThat(this.dir.resolve("snapshot.sql")).doesNotExist();
	}

	@Test
	void anUnsupportedSchemeIsRefusedBeforeAnyFetch() {
		assertThatExceptionOfType(MojoFailureException.class)
			.isThrownBy(() -> SnapshotSource.fetch("ftp://example.org/dump.sql", this.dir.resolve("snapshot.sql")))
			.withMessageContaining("paliad.migration.snapshot-url")
			.withMessageContaining("http(s)://");
	}

	private String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

}
