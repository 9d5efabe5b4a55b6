package org.concord.response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.concord.response.RoundAnswers.LateSaveLines;
import org.concord.round.RoundService;
import org.concord.round.RoundViews.RoundView;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;

/**
 * The saves that reached a round after it closed: refused, kept, and listed here with who sent them
 * and what they said. Coordinators only, as in the API: the page names panelists.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR)
public class LateSavePages {

  @CheckedTemplate(basePath = "response")
  static class Templates {
    static native TemplateInstance lateSaves(
        Chrome chrome, RoundView round, List<LateSaveLines> saves);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject RoundService rounds;
  @Inject RoundAnswers answers;

  @GET
  @Path("/rounds/{id}/late-saves")
  public TemplateInstance lateSaves(@PathParam("id") long roundId) {
    RoundView round = rounds.get(roundId);
    Study study = studies.get(round.studyId());
    return Templates.lateSaves(
        console.chrome("Late saves, round " + round.number(), study.id, study.title, "rounds"),
        round,
        answers.lateSaveLines(roundId));
  }
}
