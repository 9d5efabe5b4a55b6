package org.concord.common;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads an uploaded text file strictly as UTF-8, so a wrong encoding is refused, not garbled. */
public final class TextFile {

  private TextFile() {}

  /**
   * The text without a byte-order mark or NUL characters ({@link Texts#withoutNul}). A byte that is
   * not UTF-8 is refused with its line, which is how a spreadsheet saved as Windows-1252 or Latin-1
   * shows up.
   */
  public static String decodeUtf8(byte[] bytes, String what) {
    int start = startsWithBom(bytes) ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer output = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(input, output, true);
    if (result.isError()) {
      int offset = input.position();
      throw ImportErrors.single(
          what,
          lineOf(bytes, start, offset),
          null,
          "The file is not UTF-8 (byte 0x"
              + String.format("%02X", bytes[offset] & 0xFF)
              + "). Save it as \"CSV UTF-8\" or UTF-8 text and try again.");
    }
    decoder.flush(output);
    return Texts.withoutNul(output.flip().toString());
  }

  private static int lineOf(byte[] bytes, int start, int offset) {
    int line = 1;
    for (int i = start; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static boolean startsWithBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }
}
