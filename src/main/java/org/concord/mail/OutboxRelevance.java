package org.concord.mail;

import java.util.List;
import java.util.Map;

/**
 * Which due emails should no longer go out. An email is written when something happens and sent
 * later; by then the panelist may have done what it asks. Features that queue emails implement
 * this, so that the outbox needs to know nothing of rounds or responses.
 */
public interface OutboxRelevance {

  /** Of these due emails, the ids of those not to send, each with the reason to show. */
  Map<Long, String> obsolete(List<OutboxEmail> due);
}
