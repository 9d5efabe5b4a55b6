package org.concord.common;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters every list endpoint takes. */
public class PageRequest {

  public static final int MAX_SIZE = 500;

  /**
   * No list of Concord's holds a million rows; a page beyond this is a mistake or a probe, and
   * {@code page * size} must stay an int for the database.
   */
  public static final long MAX_OFFSET = 1_000_000;

  @QueryParam("page")
  @DefaultValue("0")
  @Parameter(description = "Zero-based page number.")
  public int page;

  @QueryParam("size")
  @DefaultValue("50")
  @Parameter(description = "Items per page, 1 to " + MAX_SIZE + ".")
  public int size;

  public PageRequest() {}

  public PageRequest(int page, int size) {
    this.page = page;
    this.size = size;
  }

  /** Refuses a page the database would be asked nonsense for. */
  public PageRequest checked() {
    if (page < 0) {
      throw ConcordException.invalid("page", "page must be 0 or more.");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ConcordException.invalid("size", "size must be between 1 and " + MAX_SIZE + ".");
    }
    offset(page, size);
    return this;
  }

  /** The first row of the page, computed without overflow; refused beyond {@link #MAX_OFFSET}. */
  public static int offset(int page, int size) {
    long offset = (long) page * size;
    if (offset > MAX_OFFSET) {
      throw ConcordException.invalid(
          "page",
          "page × size must be at most "
              + MAX_OFFSET
              + "; page "
              + page
              + " of "
              + size
              + " is beyond any list.");
    }
    return (int) offset;
  }
}
