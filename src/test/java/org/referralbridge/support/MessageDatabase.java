package org.referralbridge.support;

import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.referralbridge.messages.FingerprintBackfill;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with the service's own tables, made by its Flyway migrations (the same files, and the Java
 * migration, that run at start): for tests of the SQL without starting the service. In-memory H2 by default; with
 * the system property {@code test.postgres.url} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres})
 * a fresh schema in that PostgreSQL database, so the same tests check the SQL is portable.
 */
public final class MessageDatabase {

  private final DataSource dataSource;

  private MessageDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public static MessageDatabase create() {
    String postgres = System.getProperty("test.postgres.url");
    DataSource dataSource = postgres == null || postgres.isBlank() ? h2() : postgres(postgres);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .javaMigrations(new FingerprintBackfill()).load().migrate();
    return new MessageDatabase(dataSource);
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:messages-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    return h2;
  }

  private static DataSource postgres(String url) {
    String schema = "messages_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    JdbcClient.create(new DriverManagerDataSource(url)).sql("CREATE SCHEMA " + schema).update();
    return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }
}
