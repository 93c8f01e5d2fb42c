package org.referralbridge.bench;

import java.util.Locale;

/** The database the benchmarked service and the raw limits write to ({@code bench.database}). */
enum Database {
  H2("H2, the embedded default (a file under the data directory)"),
  POSTGRES("PostgreSQL in a container this run started");

  private final String description;

  Database(String description) {
    this.description = description;
  }

  /** {@code h2} (also when blank) or {@code postgres}; anything else is refused. */
  static Database named(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "", "h2" -> H2;
      case "postgres", "postgresql" -> POSTGRES;
      default -> throw new IllegalArgumentException("bench.database is h2 or postgres, not '" + name + "'");
    };
  }

  String description() {
    return description;
  }
}
