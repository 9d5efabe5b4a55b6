package org.concord.consensus;

/** A closed range of scale points, such as the agree band 7–9. */
public record Band(int low, int high) {

  public Band {
    if (low > high) {
      throw new IllegalArgumentException(
          "A band must not end (" + high + ") before it starts (" + low + ").");
    }
  }

  public boolean contains(int point) {
    return point >= low && point <= high;
  }

  /** True for a median of 6.5 only if both 6 and 7 are in the band: a half-point is in neither. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  public String text() {
    return low == high ? Integer.toString(low) : low + "–" + high;
  }
}
