package de.paliad.migration.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One vendored real-world corpus under {@code src/test/resources/corpora/<name>}: its
 * {@code migrations/} (converted by its {@code convert.sh}), {@code LICENSE} and
 * {@code UPSTREAM.md}.
 *
 * @param name the folder name, e.g. {@code harbor}
 * @param pending how many of the last migrations the gate harness leaves pending: at
 * least 10, more where the last 10 miss the statements the gate must judge (trigger.dev's
 * last 40 hold its recent ADD VALUE, CONCURRENTLY and DROP migrations)
 */
record Corpus(String name, int pending) {

	/** Every vendored corpus. */
	static final List<Corpus> ALL = List.of(new Corpus("authelia", 10), new Corpus("harbor", 10),
			new Corpus("trigger-dev", 40));

	/** The corpus folder (in target/test-classes). */
	Path root() {
		URL url = Corpus.class.getResource("/corpora/" + this.name);
		if (url == null) {
			throw new IllegalStateException("No corpus /corpora/" + this.name + " on the test classpath");
		}
		try {
			return Paths.get(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the upstream tool provides before the first migration (Harbor's migrations
	 * alter golang-migrate's tracker), applied to every database before the migrations.
	 */
	Optional<Path> setup() {
		Path setup = root().resolve("setup.sql");
		return Files.isRegularFile(setup) ? Optional.of(setup) : Optional.empty();
	}

	Path migrations() {
		return root().resolve("migrations");
	}

	/** The migration files in the order the runner applies them: by numeric version. */
	List<Path> files() {
		try (Stream<Path> files = Files.list(migrations())) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".up.sql"))
				.sorted(Comparator.comparingLong(Corpus::version))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long version(Path file) {
		String name = file.getFileName().toString();
		return Long.parseLong(name.substring(0, name.indexOf('_')));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
