package org.referralbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file is compacted while it is in use, as H2's background writer would be if durable
 * commits (WRITE_DELAY=0) did not switch it off. RETENTION_TIME=0 lets H2 reuse freed space at once, so that what
 * takes 45 s in the service shows within the test.
 */
class H2CompactionTests {

  @TempDir
  Path directory;

  @Test
  void rewritesTheLivePagesOfTheNearlyEmptyChunksThatDurableCommitsLeave() throws Exception {
    JdbcDataSource dataSource = durableDatabase("rewrite");
    H2Compaction compaction = new H2Compaction(dataSource, 16 * 1024 * 1024);
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = storeOf(connection);
      createTable(connection);
      churn(connection, 600);
      int before = store.getFileStore().getChunksFillRate();

      assertThat(compaction.runOnce()).as("something rewritten").isTrue();
      // the rewritten pages are written with the next commits, as under load, and the chunks they left are freed
      churn(connection, 2);

      assertThat(before).as("fill rate of the chunks before compaction").isLessThan(H2Compaction.TARGET_FILL_RATE);
      assertThat(store.getFileStore().getChunksFillRate()).as("fill rate after compaction (before: %d %%)", before)
          .isGreaterThanOrEqualTo(H2Compaction.TARGET_FILL_RATE);
    }
  }

  @Test
  void withCompactionTheFileStopsGrowingWithEveryCommit() throws Exception {
    long uncompacted = fileSizeAfterChurn("uncompacted", null);
    long compacted = fileSizeAfterChurn("compacted",
        new H2Compaction(durableDatabase("compacted"), 16 * 1024 * 1024));
    assertThat(compacted).as("file after 2,000 commits with compaction (without: %d bytes)", uncompacted)
        .isLessThan(uncompacted / 2);
  }

  @Test
  void doesNothingOnADatabaseThatIsNotAnEmbeddedFile() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:compaction-none");
    assertThat(new H2Compaction(dataSource, 1024).runOnce()).isFalse();
  }

  private long fileSizeAfterChurn(String name, H2Compaction compaction) throws Exception {
    JdbcDataSource dataSource = durableDatabase(name);
    try (Connection connection = dataSource.getConnection()) {
      createTable(connection);
      for (int round = 0; round < 20; round++) {
        append(connection, 100);
        if (compaction != null) {
          compaction.runOnce();
        }
      }
    }
    return Files.size(directory.resolve(name + ".mv.db"));
  }

  private JdbcDataSource durableDatabase(String name) {
    DurableH2Files.register();
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + DurableH2Files.SCHEME + ":" + directory.resolve(name)
        + ";WRITE_DELAY=0;RETENTION_TIME=0");
    return dataSource;
  }

  private static MVStore storeOf(Connection connection) throws Exception {
    return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
        .getMvStore();
  }

  private static void createTable(Connection connection) throws Exception {
    try (Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, content VARCHAR(4000))");
      sql.execute("MERGE INTO t SELECT x, REPEAT('x', 2000) FROM SYSTEM_RANGE(1, 300)");
      sql.execute("CREATE TABLE IF NOT EXISTS r (id IDENTITY PRIMARY KEY, k VARCHAR(36), content VARCHAR(500))");
      sql.execute("CREATE INDEX IF NOT EXISTS r_k ON r (k)");
    }
  }

  /**
   * Commits that each add a few rows, as a referral's resources and their index rows are: the pages they leave
   * behind in earlier chunks stay live, so those chunks are never freed without compaction.
   */
  private static void append(Connection connection, int commits) throws Exception {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO r (k, content) VALUES (?, ?)")) {
      for (int i = 0; i < commits; i++) {
        connection.setAutoCommit(false);
        for (int row = 0; row < 5; row++) {
          insert.setString(1, java.util.UUID.randomUUID().toString());
          insert.setString(2, "y".repeat(400));
          insert.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
  }

  /** One small committed change after another, as the pipeline's commits are: a new, nearly empty chunk each. */
  private static void churn(Connection connection, int commits) throws Exception {
    try (PreparedStatement update = connection.prepareStatement("UPDATE t SET content = ? WHERE id = ?")) {
      for (int i = 0; i < commits; i++) {
        update.setString(1, Long.toString(System.nanoTime()).repeat(100));
        update.setInt(2, i % 300 + 1);
        update.executeUpdate();
      }
    }
  }
}
