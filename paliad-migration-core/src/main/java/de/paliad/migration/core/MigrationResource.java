package de.paliad.migration.core;

/**
 * A file found in a migration location, before its name is parsed.
 *
 * @param fileName the file's name, without folders
 * @param path where it was found, for messages (location plus relative path)
 * @param content the file's bytes
 */
record MigrationResource(String fileName, String path, byte[] content) {

}
