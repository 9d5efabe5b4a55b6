package org.concord.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.concord.common.Problem.FieldError;

/**
 * Collects every fault in a file so the team can fix them all at once; the import is refused if
 * there is one.
 */
public final class ImportErrors {

  /** Beyond this many the rest is noise: the file is probably in the wrong format. */
  static final int MAX_REPORTED = 100;

  private final List<FieldError> errors = new ArrayList<>();

  public void at(int line, Integer column, String message) {
    if (errors.size() < MAX_REPORTED) {
      errors.add(FieldError.at(line, column, message));
    }
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public void throwIfAny(String what) {
    if (!errors.isEmpty()) {
      throw refusal(what);
    }
  }

  /** A fault that makes reading the rest pointless. */
  public static ConcordException.ImportRefused single(
      String what, int line, Integer column, String message) {
    ImportErrors errors = new ImportErrors();
    errors.at(line, column, message);
    return errors.refusal(what);
  }

  /** Errors in file order, however the checks found them. */
  private ConcordException.ImportRefused refusal(String what) {
    errors.sort(
        Comparator.comparing(FieldError::line)
            .thenComparing(FieldError::column, Comparator.nullsFirst(Comparator.naturalOrder())));
    FieldError first = errors.get(0);
    return ConcordException.importRefused(
        what
            + " was refused and nothing was stored: "
            + errors.size()
            + (errors.size() == 1 ? " error" : " errors")
            + (errors.size() >= MAX_REPORTED ? " (first " + MAX_REPORTED + " shown)" : "")
            + ". Line "
            + first.line()
            + (first.column() == null ? "" : ", column " + first.column())
            + ": "
            + first.message(),
        List.copyOf(errors));
  }
}
