package org.concord.study;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The study's own part of the set-up checklist: who runs it, and the protocol. */
@ApplicationScoped
public class StudySetup implements SetupCheck {

  @Override
  public List<SetupStep> steps(Study study) {
    StudyDetails details = StudyDetails.of(study);
    String base = "/console/studies/" + study.id;
    return List.of(
        new SetupStep(
            10,
            "Study details",
            details.hasContact(),
            details.hasContact()
                ? "Run by "
                    + study.organisation
                    + "; panelists can write to "
                    + study.contactName
                    + " at "
                    + study.contactEmail
                    + "."
                : "Say who runs the study and whom panelists can write to; both appear in every"
                    + " email.",
            base + "/details"),
        new SetupStep(
            20,
            "Protocol",
            true,
            study.protocolLockedAt == null
                ? "Check the scale and the consensus rule: they lock when round 1 opens."
                : "Locked since round 1 opened; a change needs a reason.",
            base + "/protocol"));
  }
}
