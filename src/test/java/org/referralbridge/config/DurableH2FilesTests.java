package org.referralbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's commits are on disk when they return: a JVM that commits through the "fsync:" file
 * system and is killed with SIGKILL loses none of the commits it confirmed (H2's default URL loses hundreds).
 */
class DurableH2FilesTests {

  @TempDir
  Path directory;

  @Test
  void commitsConfirmedBeforeAKillAreAllThereAfterIt() throws Exception {
    String url = "jdbc:h2:file:" + DurableH2Files.SCHEME + ":" + directory.resolve("db") + ";WRITE_DELAY=0";
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CommittingWriter.class.getName(), url)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<Long> confirmed = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
        StandardCharsets.US_ASCII))) {
      String line;
      while (confirmed.size() < 400 && (line = out.readLine()) != null) {
        confirmed.add(Long.parseLong(line));
      }
      // SIGKILL from outside: Process.destroyForcibly would close this end of the pipe, and the ids still in it
      // (confirmed commits) would go unread
      new ProcessBuilder("kill", "-9", String.valueOf(writer.pid())).start().waitFor();
      while ((line = out.readLine()) != null) {
        confirmed.add(Long.parseLong(line));
      }
    }
    assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(confirmed).hasSizeGreaterThanOrEqualTo(400);

    DurableH2Files.register();
    Set<Long> stored = new HashSet<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM t")) {
      while (rows.next()) {
        stored.add(rows.getLong(1));
      }
    }
    assertThat(confirmed).as("commits confirmed before the kill").allMatch(stored::contains);
  }

  @Test
  void aCommitterThatIsInterruptedDoesNotCloseTheDatabaseForEveryoneElse() throws Exception {
    DurableH2Files.register();
    String url = "jdbc:h2:file:" + DurableH2Files.SCHEME + ":" + directory.resolve("interrupted")
        + ";WRITE_DELAY=0";
    try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
      keeper.createStatement().execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
      // as an executor's shutdownNow() does to a task in the middle of a commit
      Thread interrupted = new Thread(() -> {
        Thread.currentThread().interrupt();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
          for (long id = 1; id <= 20; id++) {
            Thread.currentThread().interrupt();
            insert.setLong(1, id);
            insert.executeUpdate();
          }
        } catch (SQLException e) {
          // what the interrupted thread sees does not matter here: what the others see does
        }
      });
      interrupted.start();
      interrupted.join(30_000);

      keeper.createStatement().execute("INSERT INTO t VALUES (1000)");
      try (ResultSet rows = keeper.createStatement().executeQuery("SELECT COUNT(*) FROM t WHERE id = 1000")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void everyWriteIsSyncedBeforeItReturns() throws Exception {
    Path file = directory.resolve("file");
    Files.createFile(file);
    CountingChannel counting = new CountingChannel(java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE));
    try (DurableH2Files.SyncedFile synced = new DurableH2Files.SyncedFile(counting)) {
      synced.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), 0);
      synced.write(java.nio.ByteBuffer.wrap(new byte[] {4}));
    }
    assertThat(counting.forces).isEqualTo(2);
  }

  @Test
  void anH2FileUrlWithoutTheFileSystemOrWithoutWriteDelayZeroIsNotDurable() {
    assertThat(DurableH2Files.durable("jdbc:h2:file:fsync:./data/h2/referralbridge;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"))
        .isTrue();
    assertThat(DurableH2Files.durable("jdbc:h2:file:./data/h2/referralbridge;DB_CLOSE_ON_EXIT=FALSE")).isFalse();
    assertThat(DurableH2Files.durable("jdbc:h2:file:fsync:./data/h2/referralbridge")).isFalse();
    assertThat(DurableH2Files.durable("jdbc:h2:file:./data/h2/referralbridge;WRITE_DELAY=0")).isFalse();
    assertThat(DurableH2Files.durable("jdbc:postgresql://127.0.0.1/referralbridge")).isTrue();
    assertThat(DurableH2Files.durable("jdbc:h2:mem:test")).isTrue();
  }

  /** The child JVM: commits one row at a time and prints each id once its commit returned. */
  public static final class CommittingWriter {

    public static void main(String[] args) throws SQLException {
      DurableH2Files.register();
      try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
        connection.createStatement().execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(300))");
        connection.setAutoCommit(false);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)");
        for (long id = 1; ; id++) {
          insert.setLong(1, id);
          insert.setString(2, "x".repeat(300));
          insert.executeUpdate();
          connection.commit();
          System.out.println(id);
          System.out.flush();
        }
      }
    }
  }

  /** Counts the syncs asked of a real file channel. */
  private static final class CountingChannel extends org.h2.store.fs.FileBase {
    private final java.nio.channels.FileChannel file;
    int forces;

    CountingChannel(java.nio.channels.FileChannel file) {
      this.file = file;
    }

    @Override
    public int read(java.nio.ByteBuffer destination) throws java.io.IOException {
      return file.read(destination);
    }

    @Override
    public int write(java.nio.ByteBuffer source) throws java.io.IOException {
      return file.write(source);
    }

    @Override
    public int write(java.nio.ByteBuffer source, long position) throws java.io.IOException {
      return file.write(source, position);
    }

    @Override
    public long position() throws java.io.IOException {
      return file.position();
    }

    @Override
    public java.nio.channels.FileChannel position(long newPosition) throws java.io.IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws java.io.IOException {
      return file.size();
    }

    @Override
    public java.nio.channels.FileChannel truncate(long size) throws java.io.IOException {
      file.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws java.io.IOException {
      forces++;
      file.force(metaData);
    }

    @Override
    protected void implCloseChannel() throws java.io.IOException {
      file.close();
    }
  }
}
