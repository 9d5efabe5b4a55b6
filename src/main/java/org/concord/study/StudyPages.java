package org.concord.study;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.concord.common.ConcordException;
import org.concord.common.PageRequest;
import org.concord.security.Role;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/** The console's list of studies, a new study, and a study's overview with its set-up checklist. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class StudyPages {

  @CheckedTemplate(basePath = "study")
  static class Templates {
    static native TemplateInstance studies(Chrome chrome, List<Study> studies);

    static native TemplateInstance create(Chrome chrome, FormInput form, FieldErrors errors);

    static native TemplateInstance overview(
        Chrome chrome, Study study, List<SetupStep> steps, boolean ready);

    static native TemplateInstance details(
        Chrome chrome, Study study, FormInput form, FieldErrors errors);
  }

  @Inject Console console;
  @Inject StudyService service;
  @Inject Instance<SetupCheck> checks;

  @GET
  public TemplateInstance studies() {
    return Templates.studies(
        console.chrome("Studies"), service.list(new PageRequest(0, PageRequest.MAX_SIZE)).items());
  }

  @GET
  @Path("/studies/new")
  @RolesAllowed(Role.COORDINATOR)
  public TemplateInstance newStudy() {
    return Templates.create(console.chrome("New study"), FormInput.empty(), new FieldErrors());
  }

  @POST
  @Path("/studies")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String title = form.text("title");
    if (title == null) {
      errors.add("title", "Give the study a title.");
    } else if (title.length() > 300) {
      errors.add("title", "The title must have at most 300 characters.");
    }
    String description = form.text("description");
    if (description != null && description.length() > 10000) {
      errors.add("description", "The description must have at most 10,000 characters.");
    }
    if (!errors.isEmpty()) {
      return Response.status(400)
          .entity(Templates.create(console.chrome("New study"), form, errors))
          .build();
    }
    Study study = service.create(title, description, null);
    return Console.seeOther("/console/studies/" + study.id + "?created=true");
  }

  @GET
  @Path("/studies/{id}")
  public TemplateInstance overview(
      @PathParam("id") long id, @QueryParam("created") boolean created) {
    Study study = service.get(id);
    List<SetupStep> steps = new ArrayList<>();
    checks.forEach(check -> steps.addAll(check.steps(study)));
    steps.sort(Comparator.comparingInt(SetupStep::order));
    Chrome chrome = console.chrome("Overview", study.id, study.title, "overview");
    return Templates.overview(
        created
            ? chrome.withNotice("The study is created. Work down the checklist below.")
            : chrome,
        study,
        steps,
        steps.stream().allMatch(SetupStep::done));
  }

  @GET
  @Path("/studies/{id}/details")
  public TemplateInstance details(@PathParam("id") long id, @QueryParam("saved") boolean saved) {
    Study study = service.get(id);
    Chrome chrome = console.chrome("Study details", study.id, study.title, "details");
    return Templates.details(
        saved ? chrome.withNotice("The details are saved.") : chrome,
        study,
        new FormInput(detailsForm(study)),
        new FieldErrors());
  }

  @POST
  @Path("/studies/{id}/details")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response saveDetails(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String title = form.text("title");
    if (title == null || title.length() > 300) {
      errors.add("title", "Give the study a title of at most 300 characters.");
    }
    StudyDetails details =
        new StudyDetails(
            form.text("organisation"),
            form.text("contactName"),
            form.text("contactEmail"),
            form.text("contactPhone"),
            form.text("senderName"),
            form.text("informationSheet"),
            form.text("dataProtection"),
            fields.containsKey("timeZone") ? form.get("timeZone") : null);
    limit(form, errors, "organisation", 300);
    limit(form, errors, "contactName", 200);
    limit(form, errors, "contactPhone", 50);
    limit(form, errors, "senderName", 200);
    limit(form, errors, "informationSheet", 100000);
    limit(form, errors, "dataProtection", 20000);
    limit(form, errors, "description", 10000);
    limit(form, errors, "timeZone", 64);
    if (errors.isEmpty()) {
      try {
        service.changeDetails(id, details, console.user());
        service.update(id, title, form.get("description"));
        return Console.seeOther("/console/studies/" + id + "/details?saved=true");
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      }
    }
    Study study = service.get(id);
    return Response.status(400)
        .entity(
            Templates.details(
                console.chrome("Study details", study.id, study.title, "details"),
                study,
                form,
                errors))
        .build();
  }

  private static void limit(FormInput form, FieldErrors errors, String field, int max) {
    if (form.get(field).length() > max) {
      errors.add(field, "At most " + String.format("%,d", max) + " characters.");
    }
  }

  private static MultivaluedMap<String, String> detailsForm(Study s) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    form.putSingle("title", s.title);
    form.putSingle("description", s.description);
    form.putSingle("organisation", s.organisation);
    form.putSingle("contactName", s.contactName);
    form.putSingle("contactEmail", s.contactEmail);
    form.putSingle("contactPhone", s.contactPhone);
    form.putSingle("senderName", s.senderName);
    form.putSingle("informationSheet", s.informationSheet);
    form.putSingle("dataProtection", s.dataProtection);
    form.putSingle("timeZone", s.timeZone);
    return form;
  }
}
