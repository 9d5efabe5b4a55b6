package org.concord.panel;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.concord.common.ConcordException;
import org.concord.common.PageRequest;
import org.concord.panel.PanelPages.Option;
import org.concord.panel.PanelViews.GroupView;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * One panelist added by hand, and the stakeholder groups made and renamed: what the API's panel
 * resource offers besides a file. Coordinators only, like every panel page.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR)
public class PanelChangePages {

  /** A group as the groups page lists it, with its own rename form's value and error. */
  public record GroupRow(GroupView group, String field, String value, String error) {}

  @CheckedTemplate(basePath = "panel")
  static class Templates {
    static native TemplateInstance add(
        Chrome chrome, List<Option> groups, FormInput form, FieldErrors errors);

    static native TemplateInstance groups(
        Chrome chrome, List<GroupRow> groups, FormInput form, FieldErrors errors);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject PanelService service;

  @GET
  @Path("/studies/{id}/panel/add")
  public TemplateInstance add(@PathParam("id") long id) {
    Study study = studies.get(id);
    return addPage(study, FormInput.empty(), new FieldErrors());
  }

  @POST
  @Path("/studies/{id}/panel/add")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addPanelist(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    Study study = studies.get(id);
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String name = PanelistFields.name(form, errors);
    String email = PanelistFields.email(form, errors);
    Long groupId = null;
    try {
      groupId = form.text("groupId") == null ? null : Long.valueOf(form.get("groupId"));
    } catch (NumberFormatException e) {
      // the message below
    }
    if (groupId == null) {
      errors.add("groupId", "Choose the panelist's stakeholder group.");
    }
    if (errors.isEmpty()) {
      try {
        service.addPanelist(id, name, email, groupId, null, console.user());
        return Console.seeOther("/console/studies/" + id + "/panel?added=1");
      } catch (ConcordException.Invalid | ConcordException.NotFound e) {
        if (e instanceof ConcordException.NotFound) {
          errors.add("groupId", "Choose one of the study's groups.");
        } else {
          errors.add(e);
        }
      }
    }
    return Response.status(400).entity(addPage(study, form, errors)).build();
  }

  @GET
  @Path("/studies/{id}/panel/groups")
  public TemplateInstance groups(@PathParam("id") long id, @QueryParam("done") String done) {
    Study study = studies.get(id);
    Chrome chrome = chrome(study);
    if ("created".equals(done)) {
      chrome = chrome.withNotice("The group is added.");
    } else if ("renamed".equals(done)) {
      chrome = chrome.withNotice("The group is renamed.");
    }
    return Templates.groups(
        chrome, rows(id, null, null, null), FormInput.empty(), new FieldErrors());
  }

  @POST
  @Path("/studies/{id}/panel/groups")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createGroup(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    Study study = studies.get(id);
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String name = groupName(form.text("name"), errors, "name");
    if (errors.isEmpty()) {
      try {
        service.createGroup(id, name, console.user());
        return Console.seeOther("/console/studies/" + id + "/panel/groups?done=created");
      } catch (ConcordException.Invalid e) {
        errors.add("name", e.getMessage());
      }
    }
    return Response.status(400)
        .entity(Templates.groups(chrome(study), rows(id, null, null, null), form, errors))
        .build();
  }

  @POST
  @Path("/groups/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response renameGroup(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    long studyId = service.groupStudy(id);
    Study study = studies.get(studyId);
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String field = "name-" + id;
    String name = groupName(form.text("name"), errors, field);
    if (errors.isEmpty()) {
      try {
        service.renameGroup(id, name, console.user());
        return Console.seeOther("/console/studies/" + studyId + "/panel/groups?done=renamed");
      } catch (ConcordException.Invalid e) {
        errors.add(field, e.getMessage());
      }
    }
    return Response.status(400)
        .entity(
            Templates.groups(
                chrome(study),
                rows(studyId, id, form.get("name"), errors.get(field)),
                FormInput.empty(),
                errors))
        .build();
  }

  private static String groupName(String name, FieldErrors errors, String field) {
    if (name == null) {
      errors.add(field, "Give the group a name.");
    } else if (name.length() > PanelImporter.MAX_GROUP_LENGTH) {
      errors.add(
          field, "The name must have at most " + PanelImporter.MAX_GROUP_LENGTH + " characters.");
    }
    return name;
  }

  private List<GroupRow> rows(long studyId, Long refused, String typed, String error) {
    return service.groups(studyId, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
        .map(
            g ->
                g.id().equals(refused)
                    ? new GroupRow(g, "name-" + g.id(), typed, error)
                    : new GroupRow(g, "name-" + g.id(), g.name(), null))
        .toList();
  }

  private TemplateInstance addPage(Study study, FormInput form, FieldErrors errors) {
    List<Option> groups =
        service.groups(study.id, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
            .map(
                g ->
                    new Option(
                        String.valueOf(g.id()),
                        g.name(),
                        String.valueOf(g.id()).equals(form.get("groupId"))))
            .toList();
    return Templates.add(
        console.chrome("Add one panelist", study.id, study.title, "panel"), groups, form, errors);
  }

  private Chrome chrome(Study study) {
    return console.chrome("Stakeholder groups", study.id, study.title, "panel");
  }
}
