package org.concord.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.concord.common.ConcordConfig;
import org.concord.guidance.GuidanceFormat;
import org.concord.guidance.GuidanceService;
import org.concord.panel.PanelService;
import org.concord.study.ProtocolSettings;
import org.concord.study.ProtocolSettings.Band;
import org.concord.study.ProtocolSettings.RuleSettings;
import org.concord.study.ProtocolSettings.ScaleSettings;
import org.concord.study.RuleType;
import org.concord.study.Study;
import org.concord.study.StudyRepository;
import org.concord.study.StudyService;
import org.jboss.logging.Logger;

/**
 * The Connecting People consultation as a draft study, so a new user sees something real on the
 * first start. Built through the same services (and the Markdown importer) a coordinator uses.
 */
@ApplicationScoped
public class DemoStudy {

  static final String TITLE = "Connecting People Intervention: practice guidance";
  static final List<String> GROUPS =
      List.of("Practitioners", "People who use services", "Carers", "Managers", "Researchers");
  static final int PANELISTS = 40;

  private static final Logger LOG = Logger.getLogger(DemoStudy.class);

  @Inject ConcordConfig config;
  @Inject StudyRepository studies;
  @Inject StudyService studyService;
  @Inject GuidanceService guidance;
  @Inject PanelService panel;

  void onStart(@Observes StartupEvent event) {
    if (config.demo().enabled() && studies.count("title", TITLE) == 0) {
      Study study = create();
      LOG.infof("Created the demo study \"%s\" (id %d)", TITLE, study.id);
    }
  }

  @Transactional
  Study create() {
    ProtocolSettings protocol =
        new ProtocolSettings(
            new ScaleSettings(1, 9, null, new Band(7, 9), new Band(1, 3), true, null),
            new RuleSettings(RuleType.COMET, null, null, 70, 15, null),
            null,
            null,
            null,
            null,
            null,
            null,
            3,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Study study =
        studyService.create(
            TITLE,
            "A consultation on the practice guidance for the Connecting People Intervention,"
                + " which helps people who use mental health and learning disability services"
                + " build social connections with their worker. Practitioners, people who use"
                + " services, carers, managers and researchers rate how far they agree with each"
                + " statement of practice, over up to three rounds.",
            protocol);
    guidance.importGuidance(study.id, GuidanceFormat.MARKDOWN, resource("demo/guidance.md"));
    GROUPS.forEach(group -> panel.createGroup(study.id, group, null));
    panel.importPanel(study.id, panelCsv().getBytes(StandardCharsets.UTF_8), null);
    return study;
  }

  /** Panelist 01 … 40, spread over the groups in turn. */
  static String panelCsv() {
    StringBuilder csv = new StringBuilder("name,email,group,organisation\n");
    for (int i = 1; i <= PANELISTS; i++) {
      String number = String.format("%02d", i);
      csv.append("Panelist ")
          .append(number)
          .append(",panelist")
          .append(number)
          .append("@example.org,")
          .append(GROUPS.get((i - 1) % GROUPS.size()))
          .append(",Demo organisation ")
          .append((i - 1) % 4 + 1)
          .append('\n');
    }
    return csv.toString();
  }

  private static byte[] resource(String path) {
    try (InputStream in = DemoStudy.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
