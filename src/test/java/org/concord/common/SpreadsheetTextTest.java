package org.concord.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "=1"})
  void aTextAFormulaCouldStartWithGetsALeadingQuote(String text) {
    assertEquals("'" + text, SpreadsheetText.neutralise(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Gwasanaethau ŵ", "1+1", " =not at the start", "'quoted", "a=b"})
  void otherTextsAreLeftAlone(String text) {
    assertEquals(text, SpreadsheetText.neutralise(text));
  }

  @Test
  void onlyTheFirstCharacterCounts() {
    assertEquals("'--", SpreadsheetText.neutralise("--"));
  }
}
