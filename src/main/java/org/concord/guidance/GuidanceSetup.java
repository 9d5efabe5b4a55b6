package org.concord.guidance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.concord.guidance.GuidancePageViews.Size;
import org.concord.study.SetupCheck;
import org.concord.study.SetupStep;
import org.concord.study.Study;

/** The guidance's line of the set-up checklist: done once the study has a statement to rate. */
@ApplicationScoped
public class GuidanceSetup implements SetupCheck {

  @Inject GuidanceService guidance;

  @Override
  public List<SetupStep> steps(Study study) {
    Size size = guidance.size(study.id);
    boolean done = size.statements() > 0;
    return List.of(
        new SetupStep(
            30,
            "Guidance",
            done,
            done ? size.words() : "Import the guidance to be rated: sections of statements.",
            "/console/studies/" + study.id + "/guidance"));
  }
}
