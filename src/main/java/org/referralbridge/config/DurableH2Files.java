package org.referralbridge.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * H2 files whose writes are on disk when the write returns, for the embedded database (URL
 * {@code jdbc:h2:file:fsync:<path>;WRITE_DELAY=0}).
 *
 * <p>Why: H2 2.3's MVStore writes a commit to its file at commit only with {@code WRITE_DELAY=0} (by default up to
 * half a second later, so a killed process loses commits the pipeline had already followed with its JMS commit),
 * and even then it leaves the write in the operating system's cache: it calls fsync only now and then (25 times in
 * 500 commits, measured with strace), so a power loss could still lose a commit whose referral the broker had
 * already let go of. This file system syncs the data of every write ({@link FileChannel#force force(false)}, an
 * fdatasync) before it returns, which is what PostgreSQL does at commit. H2 has no setting for it
 * ({@code ACCESS_MODE_DATA=rwd} is not applied by MVStore), hence a wrapper registered under the scheme
 * {@value #SCHEME}. Cost, measured on the 2-core machine (README, "What the service guarantees"): about 2 ms a
 * commit on one thread, against 0.55 ms with {@code WRITE_DELAY=0} alone.
 */
public final class DurableH2Files extends FilePathWrapper {

  /** The scheme in the JDBC URL's file name: {@code jdbc:h2:file:fsync:./data/h2/referralbridge}. */
  public static final String SCHEME = "fsync";

  /** H2's own file system that reopens a channel closed by an interrupt ({@code org.h2.store.fs.retry}). */
  private static final String RETRY_ON_INTERRUPT = "retry:";

  /** Registers the scheme with H2 (idempotent); needed once per JVM before the first connection. */
  public static void register() {
    FilePath.register(new DurableH2Files());
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  /**
   * Opens the file through H2's retry-on-interrupt file system: a thread interrupted while it writes (an executor
   * shut down, a timeout) makes the JDK close a plain file channel, and H2 then closes the whole database ("The
   * database has been closed") for every other connection; H2's wrapper reopens the channel, takes its lock again
   * and repeats the call instead.
   */
  @Override
  public FileChannel open(String mode) throws IOException {
    FileChannel file = FilePath.get(RETRY_ON_INTERRUPT + getBase()).open(mode);
    return "r".equals(mode) ? file : new SyncedFile(file);
  }

  /** Registers the scheme as the application context starts, before any data source opens a connection. */
  public static final class Registration implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DurableH2Files.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      register();
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      if (!durable(url)) {
        log.warn("The H2 database URL lacks \"{}:\" or WRITE_DELAY=0: commits are not on disk when they return, and"
            + " a crash can lose referrals that were already acknowledged (see application.yaml)", SCHEME);
      }
    }
  }

  /** False for an H2 file URL without this file system or without {@code WRITE_DELAY=0}; true for any other URL. */
  static boolean durable(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:h2:mem:")) {
      return true;
    }
    String url = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
    return url.contains(":" + SCHEME.toUpperCase(java.util.Locale.ROOT) + ":") && url.contains(";WRITE_DELAY=0");
  }

  /** A file channel that syncs the data of each write before returning. */
  static final class SyncedFile extends FileBase {

    private final FileChannel file;

    SyncedFile(FileChannel file) {
      this.file = file;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
      return file.read(destination);
    }

    @Override
    public int read(ByteBuffer destination, long position) throws IOException {
      return file.read(destination, position);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      int written = file.write(source);
      file.force(false);
      return written;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
      int written = file.write(source, position);
      file.force(false);
      return written;
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      file.truncate(size);
      file.force(true);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      file.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      file.close();
    }
  }
}
