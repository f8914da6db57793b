package de.paliad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Process helpers for launched JVMs.
 */
public final class Processes {

	private Processes() {
	}

	/** {@code VmHWM} (peak resident set size) of a live process in KiB, or -1. */
	public static long peakRssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Gone already, or not Linux.
		}
		return -1;
	}

	/**
	 * Asks a process to stop (SIGTERM: the app shuts down gracefully) and waits, then
	 * kills it.
	 */
	public static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

}
