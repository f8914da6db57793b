package de.paliad.migration.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import de.paliad.migration.testing.TestDatabase;
import de.paliad.migration.testing.TestDatabases;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzes {@link SqlLexer} against PostgreSQL: generated scripts of {@code SELECT}s full
 * of quotes, {@code E''} strings with escapes, dollar quotes with tags, nested block
 * comments, line comments and quoted identifiers, with semicolons inside all of them. The
 * server is the oracle: the whole script runs through the simple query protocol, and the
 * statement numbers of its result sets must equal, in order, those of the lexer's
 * statements run one by one.
 * <p>
 * A bounded campaign runs in every build: fixed seeds, then random ones until a count or
 * time bound. A failing case prints its seed and script; keep it in
 * {@code src/test/resources/lexer-corpus/} (one script per file), which {@link #corpus()}
 * replays.
 */
class SqlLexerFuzzTests {

	/** Seeds that always run, so a build is reproducible. */
	private static final long[] FIXED_SEEDS = { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597 };

	private static final int CASES = 400;

	private static final long TIME_BOUND_MILLIS = 6_000;

	private static final String CORPUS = "lexer-corpus";

	private static TestDatabase db;

	private static Connection connection;

	@BeforeAll
	static void connect() throws SQLException {
		db = TestDatabases.create();
		// The simple query protocol: the script reaches the server as one text, which the
		// server splits, not the driver.
		org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
		dataSource.setUrl(db.jdbcUrl() + "?preferQueryMode=simple");
		dataSource.setUser(db.user());
		dataSource.setPassword(db.password());
		connection = dataSource.getConnection();
	}

	@AfterAll
	static void disconnect() throws SQLException {
		connection.close();
		db.close();
	}

	@Test
	void lexerAgreesWithTheServerOnGeneratedScripts() throws SQLException {
		long deadline = System.currentTimeMillis() + TIME_BOUND_MILLIS;
		long randomSeeds = new Random().nextLong();
		int cases = 0;
		int discarded = 0;
		for (int i = 0; i < CASES && (i < FIXED_SEEDS.length || System.currentTimeMillis() < deadline); i++) {
			long seed = (i < FIXED_SEEDS.length) ? FIXED_SEEDS[i] : randomSeeds + i;
			String script = new ScriptGenerator(new Random(seed)).script();
			if (assertAgreement("seed " + seed, script)) {
				cases++;
			}
			else {
				discarded++;
			}
		}
		System.out.println("SqlLexer fuzz campaign: " + cases + " generated scripts agreed with the server, "
				+ discarded + " discarded as invalid SQL (random seeds from " + randomSeeds + ")");
		assertThat(cases).as("scripts checked").isGreaterThanOrEqualTo(FIXED_SEEDS.length / 2);
	}

	@TestFactory
	Stream<DynamicTest> corpus() throws IOException {
		return corpusFiles().stream()
			.map((name) -> DynamicTest.dynamicTest(name,
					() -> assertThat(assertAgreement(name, read(name))).as("the server runs %s", name).isTrue()));
	}

	/**
	 * @return whether the script was checked; false when the server rejects it (the
	 * generator may write invalid SQL, such as a comment closed too early)
	 */
	private static boolean assertAgreement(String name, String script) throws SQLException {
		List<Integer> server = serverSplit(script);
		if (server == null) {
			return false;
		}
		List<SqlStatement> statements;
		try {
			statements = SqlLexer.split(script);
		}
		catch (SqlSyntaxException ex) {
			throw new AssertionError(
					name + ": the lexer rejects a script the server runs (" + ex.getMessage() + "):\n" + script, ex);
		}
		List<Integer> lexer = new ArrayList<>();
		for (SqlStatement statement : statements) {
			List<Integer> alone = serverSplit(statement.text());
			if (alone == null || alone.size() != 1) {
				fail("%s: the lexer's statement at line %d is %d statements for the server:%n%s%n--- whole script:%n%s",
						name, statement.line(), alone.size(), statement.text(), script);
			}
			lexer.add(alone.get(0));
		}
		assertThat(lexer).as("%s: statement numbers, lexer vs server, for the script:%n%s", name, script)
			.isEqualTo(server);
		return true;
	}

	/**
	 * Runs a script through the simple query protocol and returns the first column of
	 * each result set: the statement numbers, in the server's order.
	 */
	private static @Nullable List<Integer> serverSplit(String script) {
		List<Integer> numbers = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			boolean isResult = statement.execute(script);
			while (true) {
				if (isResult) {
					try (ResultSet rs = statement.getResultSet()) {
						rs.next();
						numbers.add(rs.getInt(1));
					}
				}
				else if (statement.getUpdateCount() == -1) {
					break;
				}
				isResult = statement.getMoreResults();
			}
		}
		catch (SQLException ex) {
			return null;
		}
		return numbers;
	}

	private static List<String> corpusFiles() throws IOException {
		Path root = corpusRoot();
		try (Stream<Path> files = Files.list(root)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((n) -> n.endsWith(".sql"))
				.sorted()
				.toList();
		}
	}

	private static Path corpusRoot() {
		try {
			return Paths.get(SqlLexerFuzzTests.class.getClassLoader().getResource(CORPUS).toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(String name) {
		try (InputStream in = SqlLexerFuzzTests.class.getClassLoader().getResourceAsStream(CORPUS + "/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Generates scripts of valid {@code SELECT <n> AS n, <text expression> AS <alias>}
	 * statements, with comments and odd whitespace between tokens.
	 */
	static final class ScriptGenerator {

		private static final String[] TRICKY = { ";", "'", "''", "\"", "$", "$$", "$a$", "--", "/*", "*/", "\\", "\n",
				" ", "x", "ä", "\r\n", "\t", "E'", "/", "*", "-" };

		private final Random random;

		ScriptGenerator(Random random) {
			this.random = random;
		}

		String script() {
			int count = 1 + this.random.nextInt(5);
			StringBuilder script = new StringBuilder(gap());
			for (int n = 1; n <= count; n++) {
				script.append(statement(n));
				boolean last = n == count;
				if (!last || this.random.nextBoolean()) {
					script.append(gap()).append(';');
					while (this.random.nextInt(5) == 0) {
						script.append(gap()).append(';');
					}
				}
				script.append(gap());
			}
			return script.toString();
		}

		private String statement(int n) {
			StringBuilder sql = new StringBuilder(pick("SELECT", "select", "SeLeCt"));
			sql.append(gapWithSpace()).append(n).append(gapWithSpace()).append("AS").append(gapWithSpace()).append("n");
			sql.append(gap()).append(',').append(gap()).append(expression());
			sql.append(gapWithSpace()).append("AS").append(gapWithSpace()).append(alias());
			return sql.toString();
		}

		private String expression() {
			StringBuilder expression = new StringBuilder(literal());
			int more = this.random.nextInt(4);
			for (int i = 0; i < more; i++) {
				expression.append(gap()).append("||").append(gap()).append(literal());
			}
			return "(" + gap() + expression + gap() + ")";
		}

		private String literal() {
			return switch (this.random.nextInt(9)) {
				case 0, 1 -> "'" + content("").replace("'", "''") + "'";
				case 2, 3 -> pick("E", "e") + "'" + escapeStringContent() + "'";
				case 4, 5 -> dollarQuoted();
				case 6 -> "U&'" + content("'\\").replace("'", "''") + "\\0041'";
				case 7 -> pick("B'1010'", "X'1F'", "b''", "x'a'") + "::text";
				default -> "(" + gap() + pick("1", "2.5", ".5", "1e3", "1.5E-2") + gap() + ")::text";
			};
		}

		private String escapeStringContent() {
			StringBuilder content = new StringBuilder();
			int length = this.random.nextInt(8);
			for (int i = 0; i < length; i++) {
				content.append(switch (this.random.nextInt(8)) {
					case 0 -> "\\'";
					case 1 -> "\\\\";
					case 2 -> "''";
					case 3 -> "\\n";
					case 4 -> "\\;";
					case 5 -> "\\x41";
					default -> content("'\\");
				});
			}
			return content.toString();
		}

		private String dollarQuoted() {
			String tag = pick("", "", "a", "tag", "_x1", "ä", "A", "body_2");
			String delimiter = "$" + tag + "$";
			String content = content("");
			while (content.contains(delimiter) || (content + delimiter).indexOf(delimiter) != content.length()) {
				content = content("$");
			}
			return delimiter + content + delimiter;
		}

		/** Random text of tricky pieces, without the characters in {@code avoid}. */
		private String content(String avoid) {
			StringBuilder content = new StringBuilder();
			int length = this.random.nextInt(6);
			for (int i = 0; i < length; i++) {
				String piece = TRICKY[this.random.nextInt(TRICKY.length)];
				if (piece.chars().noneMatch((c) -> avoid.indexOf(c) >= 0)) {
					content.append(piece);
				}
			}
			return content.toString();
		}

		private String alias() {
			return pick("v", "\"v;--\"", "\"a\"\"b\"", "\"/*\"", "x$y", "a$$b", "\"$$\"", "U&\"d\\0061t\"", "\"ä;\"",
					"e", "E");
		}

		/** Nothing, whitespace or comments: a place between two tokens. */
		private String gap() {
			return (this.random.nextInt(3) == 0) ? "" : gapWithSpace();
		}

		/** Whitespace or comments; never nothing, for where two words meet. */
		private String gapWithSpace() {
			StringBuilder gap = new StringBuilder();
			int pieces = 1 + this.random.nextInt(3);
			for (int i = 0; i < pieces; i++) {
				gap.append(switch (this.random.nextInt(7)) {
					case 0 -> "--" + content("\n\r") + pick("\n", "\r\n", "\r");
					case 1 -> "/*" + blockCommentContent(0) + "*/";
					case 2 -> "\n";
					case 3 -> "\t";
					default -> " ";
				});
			}
			return gap.toString();
		}

		private String blockCommentContent(int depth) {
			StringBuilder content = new StringBuilder();
			int length = this.random.nextInt(4);
			for (int i = 0; i < length; i++) {
				if (depth < 3 && this.random.nextInt(4) == 0) {
					content.append("/*").append(blockCommentContent(depth + 1)).append("*/");
				}
				else {
					// May close the comment early or open one more: then the server
					// rejects the script, and the case is discarded.
					content.append(content(this.random.nextInt(8) == 0 ? "" : "/*"));
				}
			}
			return content.toString();
		}

		private String pick(String... options) {
			return options[this.random.nextInt(options.length)];
		}

	}

}
