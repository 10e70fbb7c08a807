package io.kdp.platform.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 2026-11-20T14} (an hour), {@code 2026-11-20} (midnight) or an ISO instant, UTC. */
public final class HourConverter implements ITypeConverter<Instant> {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

  @Override
  public Instant convert(String value) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (value.length() == 13) {
        return LocalDateTime.parse(value, HOUR).toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException(
          "'" + value + "' is not an hour (2026-11-20T14), a date or an ISO instant");
    }
  }
}
