package org.concord.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralsTest {

  @Test
  void englishHasOneAndOther() {
    assertEquals("other", Plurals.category("en", 0));
    assertEquals("one", Plurals.category("en", 1));
    assertEquals("other", Plurals.category("en", 2));
    assertEquals("other", Plurals.category("en", 21));
  }

  @Test
  void welshFollowsTheCldrRules() {
    assertEquals("zero", Plurals.category("cy", 0));
    assertEquals("one", Plurals.category("cy", 1));
    assertEquals("two", Plurals.category("cy", 2));
    assertEquals("few", Plurals.category("cy", 3));
    assertEquals("other", Plurals.category("cy", 4));
    assertEquals("other", Plurals.category("cy", 5));
    assertEquals("many", Plurals.category("cy", 6));
    assertEquals("other", Plurals.category("cy", 7));
    assertEquals("other", Plurals.category("cy", 1_000_003));
  }
}
