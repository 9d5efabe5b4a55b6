package org.concord.web;

import java.nio.charset.StandardCharsets;

/** Finds one short text field in a multipart/form-data body, without parsing its files. */
final class MultipartField {

  private MultipartField() {}

  /** The value of the part named {@code name}, or null. */
  static String value(byte[] body, String boundary, String name) {
    if (boundary == null || boundary.isEmpty()) {
      return null;
    }
    // Multipart headers are ASCII; ISO-8859-1 maps each byte to one char, so offsets agree.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    String header = "name=\"" + name + "\"";
    int at = 0;
    while ((at = text.indexOf(delimiter, at)) >= 0) {
      int headersStart = at + delimiter.length();
      int headersEnd = text.indexOf("\r\n\r\n", headersStart);
      if (headersEnd < 0) {
        return null;
      }
      int next = text.indexOf("\r\n" + delimiter, headersEnd);
      if (next < 0) {
        return null;
      }
      String headers = text.substring(headersStart, headersEnd);
      if (headers.contains(header) && !headers.contains("filename=")) {
        return text.substring(headersEnd + 4, next);
      }
      at = next + 2;
    }
    return null;
  }
}
