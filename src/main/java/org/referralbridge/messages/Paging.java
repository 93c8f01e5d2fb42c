package org.referralbridge.messages;

/**
 * Which page of a list: {@code page} from 0, {@code size} rows (1 to {@value #MAX_SIZE}).
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public Paging {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  /** The first {@code size} rows. */
  public static Paging first(int size) {
    return new Paging(0, size);
  }

  public int offset() {
    return page * size;
  }
}
