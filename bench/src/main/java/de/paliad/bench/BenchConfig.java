package de.paliad.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * What a benchmark run measures, from system properties ({@code bench/pom.xml} passes the
 * {@code -Dbench.*} values of the Maven command line through).
 *
 * @param sizes the set sizes N
 * @param runs measured runs per tool and scenario (the tables show medians)
 * @param scenarios the scenarios
 * @param tools the tools
 * @param app whether to measure the sample app's boot to readiness
 * @param appSize the number of applied migrations in the app measurement
 * @param out the folder the result tables are written to
 * @param work scratch space for sets, logs and databases' files
 * @param sampleJar the sample app's fat jar
 * @param flywayAppLib the jars that add Spring Boot's Flyway module to the sample app
 */
record BenchConfig(List<Integer> sizes, int runs, List<Scenario> scenarios, List<Tool> tools, boolean app, int appSize,
		Path out, Path work, Path sampleJar, Path flywayAppLib) {

	static BenchConfig fromSystemProperties() {
		return new BenchConfig(split("bench.n", "100,1000,5000").stream().map(Integer::valueOf).toList(),
				Integer.parseInt(System.getProperty("bench.runs", "5")),
				split("bench.scenarios", "a,b,c,d").stream().map(Scenario::of).toList(),
				split("bench.tools", "paliad,paliad-index,flyway,liquibase,floor").stream().map(Tool::of).toList(),
				Boolean.parseBoolean(System.getProperty("bench.app", "true")),
				Integer.parseInt(System.getProperty("bench.app.n", "1000")),
				Paths.get(System.getProperty("bench.out", "results")).toAbsolutePath(),
				Paths.get(System.getProperty("bench.work", "target/bench-work")).toAbsolutePath(),
				Paths.get(System.getProperty("sample.jar", "../sample-app/target/sample-app.jar")).toAbsolutePath(),
				Paths.get(System.getProperty("flyway.app.lib", "target/flyway-app-lib")).toAbsolutePath());
	}

	private static List<String> split(String property, String fallback) {
		return Arrays.stream(System.getProperty(property, fallback).split(","))
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.toList();
	}

}
