package org.referralbridge.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.referralbridge.hl7.MessageFingerprint;

/**
 * Migration 9, in Java because it hashes: the messages accepted before fingerprints (migration 8) get theirs from
 * the content their sender sent (the original, where staff released a correction), so that a re-send of one of
 * them is still recognised. A row whose content retention already cleared keeps '' (it is finished and cannot be
 * replayed). Pages of {@value #PAGE} rows in id order: memory stays flat however many rows there are.
 */
public class FingerprintBackfill implements JavaMigration {

  static final int PAGE = 500;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("9");
  }

  @Override
  public String getDescription() {
    return "message fingerprint backfill";
  }

  @Override
  public Integer getChecksum() {
    return 1;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    long after = Long.MIN_VALUE;
    while (true) {
      List<Object[]> page = page(connection, after);
      if (page.isEmpty()) {
        return;
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE bridge_inbound_message SET fingerprint = ? WHERE id = ?")) {
        for (Object[] row : page) {
          update.setString(1, MessageFingerprint.of((String) row[1]));
          update.setLong(2, (Long) row[0]);
          update.addBatch();
        }
        update.executeBatch();
      }
      after = (Long) page.get(page.size() - 1)[0];
    }
  }

  private static List<Object[]> page(Connection connection, long after) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("""
        SELECT id, COALESCE(original_content, content) AS sent FROM bridge_inbound_message
        WHERE fingerprint = '' AND content IS NOT NULL AND id > ? ORDER BY id FETCH FIRST %d ROWS ONLY"""
        .formatted(PAGE))) {
      select.setLong(1, after);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(new Object[] {rs.getLong("id"), rs.getString("sent")});
        }
      }
    }
    return rows;
  }
}
