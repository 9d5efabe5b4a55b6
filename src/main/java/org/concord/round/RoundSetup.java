package org.concord.round;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.concord.study.SetupCheck;
import org.concord.study.SetupStep;
import org.concord.study.Study;

/** The rounds' line of the set-up checklist: round 1 scheduled and opened. */
@ApplicationScoped
public class RoundSetup implements SetupCheck {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

  @Inject RoundRepository rounds;

  @Override
  public List<SetupStep> steps(Study study) {
    Optional<Round> first = rounds.byNumber(study.id, 1);
    String detail;
    if (first.isEmpty()) {
      detail = "Schedule round 1 and open it when the rest is ready.";
    } else {
      Round round = first.get();
      detail =
          switch (round.state) {
            case DRAFT ->
                "Round 1 is a draft, "
                    + closing(round.closesAt, "to close")
                    + ". Open it when the rest is ready.";
            case OPEN -> "Round 1 is open, " + closing(round.closesAt, "closing") + ".";
            case CLOSED -> "Round 1 closed on " + WHEN.format(round.closedAt) + ".";
          };
    }
    return List.of(
        new SetupStep(
            60,
            "Round 1",
            first.isPresent() && first.get().state != RoundState.DRAFT,
            detail,
            "/console/studies/" + study.id + "/rounds"));
  }

  private static String closing(Instant closesAt, String verb) {
    return closesAt == null
        ? "with no closing time: the team closes it"
        : verb + " on " + WHEN.format(closesAt);
  }
}
