package org.referralbridge.messages;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause built from optional criteria: column names come from the code, every value is a parameter. A
 * criterion that is null or blank is left out.
 */
final class SqlFilter {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  SqlFilter equal(String column, Object value) {
    if (value instanceof Enum<?> e) {
      value = e.name();
    }
    if (value != null && !(value instanceof String s && s.isBlank())) {
      conditions.add(column + " = ?");
      params.add(value instanceof String s ? s.strip() : value);
    }
    return this;
  }

  /** The column contains the text (LIKE with the text's wildcards escaped). */
  SqlFilter contains(String column, String text) {
    if (!blank(text)) {
      conditions.add(column + " LIKE ? ESCAPE '!'");
      params.add("%" + text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    return this;
  }

  /** The column is at or after the instant. */
  SqlFilter from(String column, Instant instant) {
    if (instant != null) {
      conditions.add(column + " >= ?");
      params.add(Timestamp.from(instant));
    }
    return this;
  }

  /** The column is before the instant. */
  SqlFilter before(String column, Instant instant) {
    if (instant != null) {
      conditions.add(column + " < ?");
      params.add(Timestamp.from(instant));
    }
    return this;
  }

  /** A condition of the code's own, with its parameters. */
  SqlFilter condition(String sql, Object... values) {
    conditions.add(sql);
    for (Object value : values) {
      params.add(value instanceof Instant instant ? Timestamp.from(instant) : value);
    }
    return this;
  }

  /** " WHERE ... AND ..." or "" when there is no criterion. */
  String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** The parameters of {@link #where()}, followed by these. */
  List<Object> params(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return all;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
