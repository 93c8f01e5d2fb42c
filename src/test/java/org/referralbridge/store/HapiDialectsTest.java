package org.referralbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HapiDialectsTest {

  @Test
  void postgresUrlsGetThePostgresDialect() {
    assertThat(HapiDialects.forJdbcUrl("jdbc:postgresql://127.0.0.1:5432/bridge")).isEqualTo(HapiDialects.POSTGRES);
    assertThat(HapiDialects.forJdbcUrl("JDBC:POSTGRESQL://db/bridge")).isEqualTo(HapiDialects.POSTGRES);
  }

  @Test
  void h2UrlsGetTheH2Dialect() {
    assertThat(HapiDialects.forJdbcUrl("jdbc:h2:file:./data/h2/referralbridge")).isEqualTo(HapiDialects.H2);
  }

  @Test
  void otherDatabasesAreRefusedWithAHint() {
    assertThatThrownBy(() -> HapiDialects.forJdbcUrl("jdbc:mysql://db/bridge"))
        .hasMessageContaining("hibernate.dialect");
  }
}
