package org.concord.round;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.concord.common.ConcordException;
import org.concord.common.Reasons;

/**
 * Why a round closes below the minimum response: from {@code ?reason=} or from a JSON body's {@code
 * "reason"}, since a long reason does not fit an address. Closing takes no other input.
 */
final class CloseReason {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private CloseReason() {}

  static String of(String inQuery, String contentType, String body) {
    String inBody = null;
    if (body != null && !body.isBlank()) {
      if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
        throw ConcordException.invalid(
            "reason", "Send the reason as JSON ({\"reason\": \"…\"}) or as ?reason=.");
      }
      inBody = fromJson(body);
    }
    String reason = Reasons.oneOf(inQuery, inBody);
    if (reason == null || reason.isBlank()) {
      return null;
    }
    return reason.strip();
  }

  private static String fromJson(String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      throw ConcordException.invalid("body", "The body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw ConcordException.invalid("body", "The body must be a JSON object.");
    }
    var names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("reason")) {
        throw ConcordException.invalid(name, "Closing a round takes only a \"reason\".");
      }
    }
    JsonNode reason = node.get("reason");
    if (reason == null || reason.isNull()) {
      return null;
    }
    if (!reason.isTextual()) {
      throw ConcordException.invalid("reason", "The reason must be text.");
    }
    return reason.asText();
  }
}
