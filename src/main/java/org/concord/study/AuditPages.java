package org.concord.study;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.security.Role;
import org.concord.web.Chrome;
import org.concord.web.Console;

/**
 * The study's audit log in the console: what was done, by whom, when and why, newest first. The
 * same events the API's audit endpoint and the report print.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class AuditPages {

  static final int PAGE_SIZE = 50;

  /** What each recorded action means, in the team's words; an action not listed reads as-is. */
  private static final Map<String, String> ACTIONS =
      Map.ofEntries(
          Map.entry("protocol-locked", "Protocol locked"),
          Map.entry("protocol-changed", "Protocol changed"),
          Map.entry("details-changed", "Study details changed"),
          Map.entry(
              "stopping-rule-overridden", "Round opened although the stopping rule said stop"),
          Map.entry("closed-below-minimum-response", "Round closed below the minimum response"),
          Map.entry("scheduled-close-failed", "Scheduled closing failed"),
          Map.entry("scheduled-reminders-failed", "Scheduled reminders failed"),
          Map.entry("personal-links-csv", "Personal links downloaded (CSV)"),
          Map.entry("personal-links-letters", "Letters with personal links shown to print"),
          Map.entry("panel-imported", "Panelists added from a file"),
          Map.entry("panelist-changed", "Panelist's details changed"),
          Map.entry("panelist-withdrawn", "Panelist withdrawn"),
          Map.entry("link-reissued", "Panelist's link reissued"),
          Map.entry("email-retried", "Failed email put back in the queue"));

  /** One line of the log as the page shows it. */
  public record AuditRow(Instant at, String actor, String action, String what, String detail) {}

  /** A page of the log, numbered from 1 as people count. */
  public record AuditPage(List<AuditRow> rows, int number, int pages, long total) {
    public boolean hasPrevious() {
      return number > 1;
    }

    public boolean hasNext() {
      return number < pages;
    }

    public int previous() {
      return number - 1;
    }

    public int next() {
      return number + 1;
    }
  }

  @CheckedTemplate(basePath = "study")
  static class Templates {
    static native TemplateInstance audit(Chrome chrome, AuditPage log);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject AuditLog audit;

  @GET
  @Path("/studies/{id}/audit")
  public TemplateInstance audit(
      @PathParam("id") long id, @QueryParam("page") @DefaultValue("1") int page) {
    Study study = studies.get(id);
    int number = Math.max(1, page);
    Page<AuditEvent> events =
        audit.newestFirst(id, new PageRequest(number - 1, PAGE_SIZE).checked());
    int pages = (int) Math.max(1, (events.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    List<AuditRow> rows =
        events.items().stream()
            .map(
                e ->
                    new AuditRow(
                        e.createdAt,
                        e.actor,
                        e.action,
                        ACTIONS.getOrDefault(e.action, e.action.replace('-', ' ')),
                        e.detail))
            .toList();
    return Templates.audit(
        console.chrome("Audit log", study.id, study.title, "audit"),
        new AuditPage(rows, number, pages, events.total()));
  }
}
