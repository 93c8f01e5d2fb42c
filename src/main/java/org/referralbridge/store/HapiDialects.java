package org.referralbridge.store;

import java.util.Locale;

/**
 * The Hibernate dialect HAPI FHIR's JPA store needs for a database, chosen from its JDBC URL, so that pointing the
 * service at PostgreSQL is a matter of the datasource URL alone (HAPI ships dialects that know its column types).
 */
final class HapiDialects {

  static final String H2 = "ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect";
  static final String POSTGRES = "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect";

  private HapiDialects() {}

  static String forJdbcUrl(String jdbcUrl) {
    String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalStateException("no HAPI FHIR dialect known for this database (H2 and PostgreSQL are supported);"
        + " set spring.jpa.properties[hibernate.dialect] explicitly");
  }
}
