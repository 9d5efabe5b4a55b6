package org.concord.panel;

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
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.concord.common.CsvText;
import org.concord.common.PageRequest;
import org.concord.panel.PanelService.LinkSet;
import org.concord.panel.PanelViews.GroupView;
import org.concord.panel.PanelViews.PanelistLink;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;

/**
 * Personal links for panelists email does not reach: a CSV for a mail merge and a page of letters
 * to print, one per panelist. Links are derived again from their keys, never stored; each list
 * handed out is written to the audit log, since whoever holds a link can answer in that name.
 */
@Path("/console")
@RolesAllowed(Role.COORDINATOR)
public class PanelLinkPages {

  @CheckedTemplate(basePath = "panel")
  static class Templates {
    static native TemplateInstance links(Chrome chrome, List<GroupView> groups);

    static native TemplateInstance letters(
        Chrome chrome, Study study, String set, List<PanelistLink> links);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject PanelService service;

  @GET
  @Path("/studies/{id}/panel/links")
  @Produces("text/html")
  public TemplateInstance links(@PathParam("id") long id) {
    Study study = studies.get(id);
    return Templates.links(
        console.chrome("Personal links", study.id, study.title, "panel"),
        service.groups(id, new PageRequest(0, PageRequest.MAX_SIZE)).items());
  }

  @GET
  @Path("/studies/{id}/panel/links.csv")
  @Produces("text/csv")
  public Response csv(
      @PathParam("id") long id,
      @QueryParam("set") @DefaultValue("ALL") LinkSet set,
      @QueryParam("group") Long group) {
    studies.get(id);
    List<PanelistLink> links = service.links(id, set, group, "csv", console.user());
    // the panel file's own columns follow, so a postal address kept there reaches the merge
    Set<String> extra = new LinkedHashSet<>();
    links.forEach(l -> extra.addAll(l.attributes().keySet()));
    List<String> header = new ArrayList<>(List.of("name", "group", "link", "email"));
    header.addAll(extra);
    List<List<String>> rows = new ArrayList<>();
    for (PanelistLink l : links) {
      List<String> row = new ArrayList<>(List.of(l.name(), l.group(), l.link(), l.email()));
      extra.forEach(column -> row.add(l.attributes().get(column)));
      rows.add(row);
    }
    String csv = CsvText.write(header, rows);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"concord-study-" + id + "-personal-links.csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/studies/{id}/panel/letters")
  @Produces("text/html")
  public Response letters(
      @PathParam("id") long id,
      @QueryParam("set") @DefaultValue("ALL") LinkSet set,
      @QueryParam("group") Long group) {
    Study study = studies.get(id);
    List<PanelistLink> links = service.links(id, set, group, "letters", console.user());
    String described =
        switch (set) {
          case ALL -> "every active panelist";
          case FAILED -> "the panelists an email could not reach";
          case GROUP -> links.isEmpty() ? "one group" : "the group " + links.get(0).group();
        };
    return Response.ok(
            Templates.letters(
                console.chrome("Letters", study.id, study.title, "panel"), study, described, links))
        .header("Cache-Control", "no-store")
        .build();
  }
}
