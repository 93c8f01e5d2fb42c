package org.referralbridge.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Upkeep of the embedded H2 database file (the single-machine default); nothing for PostgreSQL or H2 in memory.
 * {@code bridge.h2-compaction=false} turns it off (e.g. to compare).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:') and ${bridge.h2-compaction:true}")
class EmbeddedDatabaseConfiguration {

  /**
   * How often, and how much live data a run rewrites at most. In the benchmark (continuous load, about 12 commits a
   * second) this kept up with three quarters of the growth: 3.0 GB after 10,000 referrals instead of 13 GB.
   */
  private static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(5);
  private static final int COMPACTION_WRITE_LIMIT = 16 * 1024 * 1024;

  @Bean
  H2Compaction h2Compaction(DataSource dataSource) {
    return new H2Compaction(dataSource, COMPACTION_WRITE_LIMIT);
  }

  @Bean
  PeriodicTask h2CompactionTask(H2Compaction compaction) {
    return new PeriodicTask("h2-compaction", COMPACTION_INTERVAL, COMPACTION_INTERVAL, compaction::runOnce);
  }
}
