package org.concord.panel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.concord.study.SetupCheck;
import org.concord.study.SetupStep;
import org.concord.study.Study;

/** The panel's line of the set-up checklist: how many panelists, in how many groups. */
@ApplicationScoped
public class PanelSetup implements SetupCheck {

  @Inject PanelRepository panel;

  @Override
  public List<SetupStep> steps(Study study) {
    Map<Long, Long> counts = panel.activeCounts(study.id);
    long panelists = counts.values().stream().mapToLong(Long::longValue).sum();
    long groups = counts.values().stream().filter(n -> n > 0).count();
    String detail =
        panelists == 0
            ? "Add the panel from a CSV file: each panelist's name, email address and stakeholder"
                + " group."
            : "Panel: "
                + panelists
                + (panelists == 1 ? " panelist" : " panelists")
                + " in "
                + groups
                + (groups == 1 ? " stakeholder group." : " stakeholder groups.");
    return List.of(
        new SetupStep(
            40, "Panel", panelists > 0, detail, "/console/studies/" + study.id + "/panel"));
  }
}
