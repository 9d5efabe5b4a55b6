package org.concord.consensus;

/** An outcome with the reason, in words a coordinator can read and check. */
public record Decision(Outcome outcome, String reason) {}
