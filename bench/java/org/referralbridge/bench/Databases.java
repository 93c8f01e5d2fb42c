package org.referralbridge.bench;

import java.util.List;
import java.util.Map;
import org.referralbridge.faults.PostgresServer;

/**
 * Where one run's data goes. With H2 each part has its own data directory and nothing is started here. With
 * PostgreSQL one server is started for the run (the fault suite's container), with a fresh database for the service
 * (kept across its restart) and another for the raw limits; both go when the server does.
 */
final class Databases implements AutoCloseable {

  private static final String SERVICE = "bench_service";
  private static final String RAW = "bench_raw";

  private final PostgresServer postgres;

  private Databases(PostgresServer postgres) {
    this.postgres = postgres;
  }

  static Databases start(Database database) {
    if (database == Database.H2) {
      return new Databases(null);
    }
    PostgresServer server = new PostgresServer().start();
    server.createDatabase(SERVICE);
    server.createDatabase(RAW);
    return new Databases(server);
  }

  /** Environment of the service's JVM (Spring Boot's relaxed binding of spring.datasource.*). */
  Map<String, String> forService() {
    if (postgres == null) {
      return Map.of();
    }
    return Map.of("SPRING_DATASOURCE_URL", postgres.jdbcUrl(SERVICE),
        "SPRING_DATASOURCE_USERNAME", PostgresServer.USER,
        "SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
  }

  /** Command-line arguments of the raw limits' in-process application. */
  List<String> forRawLimits() {
    if (postgres == null) {
      return List.of();
    }
    return List.of("--spring.datasource.url=" + postgres.jdbcUrl(RAW),
        "--spring.datasource.username=" + PostgresServer.USER,
        "--spring.datasource.password=" + PostgresServer.PASSWORD);
  }

  /** The service's PostgreSQL database on disk in MiB; -1 with H2 (its file is in the data directory). */
  long serviceDatabaseMib() {
    return postgres == null ? -1 : postgres.databaseSizeMib(SERVICE);
  }

  @Override
  public void close() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
