package org.referralbridge.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 database file from growing with every commit, while the service runs.
 *
 * <p>Why: durable commits need {@code WRITE_DELAY=0} (see {@link DurableH2Files}), and with it H2 runs no background
 * writer, so none of the housekeeping that writer does (H2 issue 442: "you had to call compact yourself"). Every
 * commit then writes a new chunk of the pages it changed, the chunks stay a few per cent full, and nothing rewrites
 * them: the benchmark measured about 0.7 MB of file per referral, 13 GB after 10,000, on a database whose content is
 * a small fraction of that. This calls H2's own {@link MVStore#compact(int, int)}, what its background writer would
 * call, every few seconds ({@link EmbeddedDatabaseConfiguration}): the live pages of chunks below the target fill
 * rate are rewritten (at most {@link #writeLimitBytes} a run, under H2's store lock, as its writer does), and the
 * chunks they leave are reused once H2's retention time has passed. Commits stay as durable as before: the rewritten
 * pages go to disk through the same synced file.
 */
final class H2Compaction {

  private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

  /** Chunks less full than this (per cent) have their live pages rewritten. */
  static final int TARGET_FILL_RATE = 60;

  private final DataSource dataSource;
  private final int writeLimitBytes;
  private boolean warned;

  H2Compaction(DataSource dataSource, int writeLimitBytes) {
    this.dataSource = dataSource;
    this.writeLimitBytes = writeLimitBytes;
  }

  /**
   * One compaction step; returns whether H2 rewrote anything. A database that is closing or closed, or a connection
   * that is not H2's embedded one, makes it do nothing (one WARN for the latter).
   */
  boolean runOnce() {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = storeOf(connection);
      if (store == null || store.isClosed()) {
        return false;
      }
      return store.compact(TARGET_FILL_RATE, writeLimitBytes);
    } catch (SQLException | RuntimeException e) {
      log.debug("H2 compaction skipped this run", e);
      return false;
    }
  }

  private MVStore storeOf(Connection connection) throws SQLException {
    if (connection.isWrapperFor(JdbcConnection.class)
        && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
        && local.getDatabase().getStore() != null) {
      return local.getDatabase().getStore().getMvStore();
    }
    if (!warned) {
      warned = true;
      log.warn("H2 compaction: the data source is not an embedded H2 database; nothing to compact");
    }
    return null;
  }
}
