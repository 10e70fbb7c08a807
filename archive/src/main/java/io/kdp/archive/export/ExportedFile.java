package io.kdp.archive.export;

/**
 * One object an export wrote.
 *
 * @param key its S3 key
 * @param rows rows in it
 * @param bytes its size
 * @param sha256 hex SHA-256 of its bytes
 */
public record ExportedFile(String key, long rows, long bytes, String sha256) {}
