package org.referralbridge.messages;

import java.util.List;

/**
 * One page of a list, newest first, with the number of rows matching in all.
 *
 * @param items the rows of this page
 * @param total rows matching the query, on every page
 * @param page this page's number, from 0
 * @param size the page size asked for
 */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

  public static <T> ResultPage<T> of(List<T> items, long total, Paging paging) {
    return new ResultPage<>(List.copyOf(items), total, paging.page(), paging.size());
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public boolean hasPrevious() {
    return page > 0;
  }
}
