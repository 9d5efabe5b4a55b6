package org.concord.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.mail.EmailKind;
import org.concord.mail.OutboxEmail;
import org.concord.mail.OutboxRelevance;

/**
 * A reminder asks a panelist to answer. Written while they had not submitted, it is cancelled if,
 * by the time it would be sent, they have submitted or withdrawn, or the round has closed: a
 * "please answer" after "thank you" would only confuse.
 */
@ApplicationScoped
class ReminderRelevance implements OutboxRelevance {

  @Inject RoundRepository rounds;

  @Override
  public Map<Long, String> obsolete(List<OutboxEmail> due) {
    List<Long> reminders =
        due.stream().filter(e -> e.kind == EmailKind.REMINDER).map(e -> e.id).toList();
    Map<Long, String> obsolete = new HashMap<>();
    if (!reminders.isEmpty()) {
      for (Long id : rounds.remindersNoLongerDue(reminders)) {
        obsolete.put(
            id,
            "Not sent: by its turn the panelist had submitted or withdrawn, or the round had"
                + " closed.");
      }
    }
    return obsolete;
  }
}
