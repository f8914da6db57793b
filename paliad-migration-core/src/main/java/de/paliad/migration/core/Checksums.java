package de.paliad.migration.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded for a migration: lowercase hex SHA-256 of the up file's bytes.
 */
final class Checksums {

	private Checksums() {
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM ships SHA-256", ex);
		}
	}

}
