package org.concord.consensus;

/** Integer points {@code min..max} with an agree band and a disagree band that do not overlap. */
public record Scale(int min, int max, Band agree, Band disagree) {

  public Scale {
    if (max <= min) {
      throw new IllegalArgumentException(
          "A scale needs at least two points: " + min + "–" + max + ".");
    }
    for (Band band : new Band[] {agree, disagree}) {
      if (band.low() < min || band.high() > max) {
        throw new IllegalArgumentException(
            "The band " + band.text() + " lies outside the scale " + min + "–" + max + ".");
      }
    }
    if (agree.low() <= disagree.high() && disagree.low() <= agree.high()) {
      throw new IllegalArgumentException(
          "The agree band "
              + agree.text()
              + " overlaps the disagree band "
              + disagree.text()
              + ".");
    }
  }

  public int points() {
    return max - min + 1;
  }

  public boolean isOneToNine() {
    return min == 1 && max == 9;
  }
}
