package org.concord.study;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.stream.Collectors;
import org.concord.common.ConcordException;
import org.concord.security.Role;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * The protocol editor: every field of the protocol in plain words, the sentence of what the rule
 * means, and a save through the same {@link StudyService#changeProtocol} as the API, so that what
 * the API refuses the page refuses beside the field. Once round 1 has opened a change needs a
 * reason, which the audit log keeps.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class ProtocolPages {

  /**
   * What the page shows besides the form: the sentence, whether it is of the saved protocol or of
   * the values typed, and the lock.
   */
  public record Page(
      long studyId, String sentence, boolean preview, Instant lockedAt, ProtocolForm.View form) {
    public boolean locked() {
      return lockedAt != null;
    }
  }

  @CheckedTemplate(basePath = "study")
  static class Templates {
    static native TemplateInstance protocol(
        Chrome chrome, Page page, FormInput form, FieldErrors errors);
  }

  @Inject Console console;
  @Inject StudyService service;

  @GET
  @Path("/studies/{id}/protocol")
  public TemplateInstance protocol(
      @PathParam("id") long id,
      @QueryParam("saved") boolean saved,
      @QueryParam("unchanged") boolean unchanged) {
    Study study = service.get(id);
    FormInput form = new FormInput(ProtocolForm.values(study.protocol));
    Chrome chrome = chrome(study);
    if (saved) {
      chrome =
          chrome.withNotice(
              study.protocolLockedAt == null
                  ? "The protocol is saved."
                  : "The protocol is saved; the change and its reason are in the audit log.");
    } else if (unchanged) {
      chrome = chrome.withNotice("Nothing changed: the form held the protocol as it was saved.");
    }
    return Templates.protocol(
        chrome,
        page(study, ProtocolWording.sentence(study.protocol), false, form),
        form,
        new FieldErrors());
  }

  /**
   * Saves the form, or with {@code action=preview} shows the sentence of the values typed and saves
   * nothing. A form that changes nothing saves nothing, so it needs no reason and leaves no entry
   * in the audit log.
   */
  @POST
  @Path("/studies/{id}/protocol")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    Study study = service.get(id);
    FormInput form = new FormInput(fields);
    boolean preview = "preview".equals(form.get("action"));
    FieldErrors errors = new FieldErrors();
    ProtocolSettings settings = ProtocolForm.read(form, study.protocol, errors, !preview);
    if (errors.isEmpty()) {
      try {
        Protocol typed = service.preview(id, settings);
        if (preview) {
          return Response.ok(
                  Templates.protocol(
                      chrome(study),
                      page(study, ProtocolWording.sentence(typed), true, form),
                      form,
                      errors))
              .build();
        }
        if (ProtocolSettings.of(typed).equals(ProtocolSettings.of(study.protocol))) {
          return Console.seeOther("/console/studies/" + id + "/protocol?unchanged=true");
        }
      } catch (ConcordException.Invalid e) {
        errors.add(e, ProtocolForm.FIELDS);
      }
    }
    String reason =
        preview ? null : ProtocolForm.reason(form, study.protocolLockedAt != null, errors);
    if (errors.isEmpty()) {
      try {
        service.changeProtocol(id, settings, reason, console.user());
        return Console.seeOther("/console/studies/" + id + "/protocol?saved=true");
      } catch (ConcordException.Invalid e) {
        errors.add(e, ProtocolForm.FIELDS);
      } catch (ConcordException.Conflict e) {
        // Round 1 opened while the form was being filled in: the form now asks for a reason.
        errors.add(ProtocolForm.REASON, e.getMessage());
      }
    }
    return Response.status(400)
        .entity(
            Templates.protocol(
                chrome(study),
                page(study, ProtocolWording.sentence(study.protocol), false, form),
                form,
                errors))
        .build();
  }

  /**
   * The sentence of the rule for the form's values given as query parameters (the saved protocol
   * without any), as plain text: what the page's script shows as the fields change. Values that
   * cannot be said answer 400 with what is wrong.
   */
  @GET
  @Path("/studies/{id}/protocol/sentence")
  @Produces(MediaType.TEXT_PLAIN)
  public Response sentence(@PathParam("id") long id, @Context UriInfo uri) {
    Study study = service.get(id);
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    if (query.isEmpty()) {
      return Response.ok(ProtocolWording.sentence(study.protocol)).build();
    }
    FieldErrors errors = new FieldErrors();
    ProtocolSettings settings =
        ProtocolForm.read(new FormInput(query), study.protocol, errors, false);
    if (errors.isEmpty()) {
      try {
        return Response.ok(ProtocolWording.sentence(service.preview(id, settings))).build();
      } catch (ConcordException.Invalid e) {
        errors.add(e, ProtocolForm.FIELDS);
      }
    }
    return Response.status(400)
        .entity(
            "The sentence waits for these to be put right: "
                + errors.entries().stream()
                    .map(FieldErrors.Entry::message)
                    .collect(Collectors.joining(" ")))
        .build();
  }

  private Chrome chrome(Study study) {
    return console.chrome("Protocol", study.id, study.title, "protocol");
  }

  private static Page page(Study study, String sentence, boolean preview, FormInput form) {
    return new Page(study.id, sentence, preview, study.protocolLockedAt, ProtocolForm.view(form));
  }
}
