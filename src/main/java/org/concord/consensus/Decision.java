package org.concord.consensus;

/**
 * An outcome with its basis as a value and the reason in words a coordinator can read and check.
 */
public record Decision(Outcome outcome, Basis basis, String reason) {

  /** What the outcome rests on. */
  public enum Basis {
    /** The rule, applied to enough ratings. */
    RULE,
    /** Nothing rated on the scale. */
    NO_RATINGS,
    /** Fewer ratings than the protocol's minimum n. */
    TOO_FEW_RATINGS,
    /** The panel met the rule but a required stakeholder group did not. */
    NOT_EVERY_GROUP
  }

  /** A decision of the rule itself. */
  public Decision(Outcome outcome, String reason) {
    this(outcome, Basis.RULE, reason);
  }
}
