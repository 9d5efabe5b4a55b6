package org.concord.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list: every list endpoint answers with this shape. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, total);
  }
}
