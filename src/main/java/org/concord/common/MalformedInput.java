package org.concord.common;

/**
 * A request that could not be read at all (a form body with a broken escape, say). Mapped to 400
 * without a stack trace in the log: it is the client's fault and anyone can send one.
 */
public class MalformedInput extends ConcordException {

  public MalformedInput(String detail) {
    super(Problem.of("malformed-input", "Malformed request", 400, detail));
  }
}
