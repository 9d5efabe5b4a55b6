package org.concord.guidance;

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
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.concord.common.ConcordConfig;
import org.concord.common.ConcordException;
import org.concord.common.Languages;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.guidance.GuidancePageViews.Outline;
import org.concord.guidance.GuidancePageViews.OutlineSection;
import org.concord.guidance.GuidancePageViews.OutlineStatement;
import org.concord.guidance.GuidancePageViews.Place;
import org.concord.guidance.GuidanceViews.SectionView;
import org.concord.guidance.GuidanceViews.StatementDetail;
import org.concord.guidance.GuidanceViews.StatementView;
import org.concord.guidance.TranslationResource.TranslationRequest;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.study.StudyState;
import org.concord.study.translation.TextKind;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * The console's guidance: the whole guidance as panelists will read it, and the small changes a
 * team makes before round 1: sections and statements added, edited, removed and moved. Every change
 * goes through {@link GuidanceService}, the same as the API's; {@link GuidanceImportPages} imports
 * a whole file.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class GuidancePages {

  @CheckedTemplate(basePath = "guidance")
  static class Templates {
    static native TemplateInstance guidance(
        Chrome chrome,
        Study study,
        Outline outline,
        boolean editable,
        FormInput form,
        FieldErrors errors);

    static native TemplateInstance section(
        Chrome chrome,
        Study study,
        SectionView section,
        Page<StatementView> statements,
        boolean editable,
        FormInput sectionForm,
        FormInput statementForm,
        FieldErrors errors);

    static native TemplateInstance statement(
        Chrome chrome,
        Study study,
        Place place,
        StatementDetail statement,
        boolean editable,
        FormInput form,
        FieldErrors errors,
        List<TranslationRow> translations,
        List<String> languages);
  }

  /**
   * A statement's translation as the console lists it: out of date when it translates an earlier
   * wording (panelists reading that language then see the current wording in the original).
   */
  public record TranslationRow(
      String language, String name, String text, Integer version, boolean outdated) {}

  @Inject Console console;
  @Inject GuidanceService service;
  @Inject StudyService studies;
  @Inject ConcordConfig config;
  @Inject TranslationService translations;

  // ---------------------------------------------------------------- the guidance as a whole

  @GET
  @Path("/studies/{id}/guidance")
  public TemplateInstance guidance(
      @PathParam("id") long studyId,
      @QueryParam("imported") Integer imported,
      @QueryParam("created") Integer created,
      @QueryParam("extended") Integer extended,
      @QueryParam("added") Long addedSection,
      @QueryParam("movedSection") Long movedSection,
      @QueryParam("movedStatement") Long movedStatement,
      @QueryParam("to") String to) {
    Study study = studies.get(studyId);
    Outline outline = service.outline(studyId);
    Chrome chrome = chrome("Guidance", study);
    String notice = null;
    if (imported != null) {
      notice = importedNotice(imported, created, extended);
    } else if (addedSection != null) {
      notice = "The section is added at the end. Add its statements on its page.";
    } else if (movedSection != null) {
      notice =
          outline.sections().stream()
              .filter(s -> s.id() == movedSection)
              .map(s -> "Moved \u201c" + s.title() + "\u201d " + direction(to) + ".")
              .findFirst()
              .orElse(null);
    } else if (movedStatement != null) {
      for (OutlineSection s : outline.sections()) {
        for (OutlineStatement st : s.statements()) {
          if (st.id() == movedStatement) {
            notice = "Moved the statement " + direction(to) + " in \u201c" + s.title() + "\u201d.";
          }
        }
      }
    }
    return Templates.guidance(
        notice == null ? chrome : chrome.withNotice(notice),
        study,
        outline,
        editable(study),
        FormInput.empty(),
        new FieldErrors());
  }

  private static String direction(String to) {
    return "DOWN".equals(to) ? "down" : "up";
  }

  private static String importedNotice(int statements, Integer created, Integer extended) {
    StringBuilder text =
        new StringBuilder("Imported ")
            .append(statements)
            .append(statements == 1 ? " statement" : " statements");
    int sections = created == null ? 0 : created;
    int added = extended == null ? 0 : extended;
    if (sections > 0) {
      text.append(" in ").append(sections).append(sections == 1 ? " new section" : " new sections");
    }
    if (added > 0) {
      text.append(sections > 0 ? ", and added to " : ", added to ")
          .append(added)
          .append(added == 1 ? " section it had already" : " sections it had already");
    }
    return text.append('.').toString();
  }

  @POST
  @Path("/studies/{id}/sections")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addSection(@PathParam("id") long studyId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String title = sectionTitle(form, errors);
    String introduction = introduction(form, errors);
    if (errors.isEmpty()) {
      try {
        SectionView section = service.createSection(studyId, title, introduction);
        return Console.seeOther(
            "/console/studies/"
                + studyId
                + "/guidance?added="
                + section.id()
                + "#section-"
                + section.id());
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      }
    }
    Study study = studies.get(studyId);
    return Response.status(400)
        .entity(
            Templates.guidance(
                chrome("Guidance", study),
                study,
                service.outline(studyId),
                editable(study),
                form,
                errors))
        .build();
  }

  @POST
  @Path("/sections/{id}/move")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response moveSection(
      @PathParam("id") long sectionId, MultivaluedMap<String, String> fields) {
    Direction direction = direction(new FormInput(fields));
    Place place = service.placeOfSection(sectionId);
    service.moveSection(sectionId, direction);
    return Console.seeOther(
        "/console/studies/"
            + place.studyId()
            + "/guidance?movedSection="
            + sectionId
            + "&to="
            + direction
            + "#section-"
            + sectionId);
  }

  @POST
  @Path("/statements/{id}/move")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response moveStatement(
      @PathParam("id") long statementId, MultivaluedMap<String, String> fields) {
    Direction direction = direction(new FormInput(fields));
    Place place = service.placeOfStatement(statementId);
    service.moveStatement(statementId, direction);
    return Console.seeOther(
        "/console/studies/"
            + place.studyId()
            + "/guidance?movedStatement="
            + statementId
            + "&to="
            + direction
            + "#statement-"
            + statementId);
  }

  /** The form's direction; anything but "up" or "down" is a refusal, not a guess. */
  private static Direction direction(FormInput form) {
    String value = form.get("direction").toUpperCase(Locale.ROOT);
    for (Direction d : Direction.values()) {
      if (d.name().equals(value)) {
        return d;
      }
    }
    throw ConcordException.invalid("direction", "Say whether to move it up or down.");
  }

  // ---------------------------------------------------------------- one section

  @GET
  @Path("/sections/{id}")
  public TemplateInstance section(
      @PathParam("id") long sectionId, @QueryParam("done") String done) {
    SectionView section = service.section(sectionId);
    Place place = service.placeOfSection(sectionId);
    Study study = studies.get(place.studyId());
    Chrome chrome = chrome(section.title(), study);
    if ("saved".equals(done)) {
      chrome = chrome.withNotice("The section is saved.");
    } else if ("added".equals(done)) {
      chrome = chrome.withNotice("The statement is added at the end of the section.");
    }
    return Templates.section(
        chrome,
        study,
        section,
        sectionStatements(place),
        editable(study),
        new FormInput(sectionFields(section)),
        FormInput.empty(),
        new FieldErrors());
  }

  @POST
  @Path("/sections/{id}")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response saveSection(
      @PathParam("id") long sectionId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String title = sectionTitle(form, errors);
    String introduction = introduction(form, errors);
    if (errors.isEmpty()) {
      try {
        service.updateSection(sectionId, title, introduction == null ? "" : introduction);
        return Console.seeOther("/console/sections/" + sectionId + "?done=saved");
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      }
    }
    return sectionRefused(sectionId, form, FormInput.empty(), errors);
  }

  @POST
  @Path("/sections/{id}/statements")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addStatement(
      @PathParam("id") long sectionId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String text = statementText(form, errors);
    String externalId = form.text("externalId");
    if (externalId != null && externalId.length() > GuidanceImporter.MAX_EXTERNAL_ID_LENGTH) {
      errors.add(
          "externalId",
          "The id may have at most " + GuidanceImporter.MAX_EXTERNAL_ID_LENGTH + " characters.");
    }
    if (errors.isEmpty()) {
      try {
        StatementView added = service.addStatement(sectionId, text, externalId);
        return Console.seeOther(
            "/console/sections/" + sectionId + "?done=added#statement-" + added.id());
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      }
    }
    SectionView section = service.section(sectionId);
    return sectionRefused(sectionId, new FormInput(sectionFields(section)), form, errors);
  }

  private Response sectionRefused(
      long sectionId, FormInput sectionForm, FormInput statementForm, FieldErrors errors) {
    SectionView section = service.section(sectionId);
    Place place = service.placeOfSection(sectionId);
    Study study = studies.get(place.studyId());
    return Response.status(400)
        .entity(
            Templates.section(
                chrome(section.title(), study),
                study,
                section,
                sectionStatements(place),
                editable(study),
                sectionForm,
                statementForm,
                errors))
        .build();
  }

  private Page<StatementView> sectionStatements(Place place) {
    return service.statements(
        place.studyId(), place.sectionId(), new PageRequest(0, PageRequest.MAX_SIZE));
  }

  private static MultivaluedMap<String, String> sectionFields(SectionView section) {
    MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
    fields.putSingle("title", section.title());
    fields.putSingle("introduction", section.introduction());
    return fields;
  }

  private static String sectionTitle(FormInput form, FieldErrors errors) {
    String title = form.text("title");
    if (title == null) {
      errors.add("title", "Give the section a title.");
    } else if (title.length() > GuidanceImporter.MAX_TITLE_LENGTH) {
      errors.add(
          "title",
          "The title may have at most " + GuidanceImporter.MAX_TITLE_LENGTH + " characters.");
    }
    return title;
  }

  private static String introduction(FormInput form, FieldErrors errors) {
    String introduction = form.text("introduction");
    if (introduction != null && introduction.length() > GuidanceImporter.MAX_INTRODUCTION_LENGTH) {
      errors.add(
          "introduction",
          "The introduction may have at most "
              + String.format("%,d", GuidanceImporter.MAX_INTRODUCTION_LENGTH)
              + " characters.");
    }
    return introduction;
  }

  private static String statementText(FormInput form, FieldErrors errors) {
    String text = form.text("text");
    if (text == null) {
      errors.add("text", "Write the statement.");
    } else if (text.length() > GuidanceImporter.MAX_STATEMENT_LENGTH) {
      errors.add(
          "text",
          "The statement has "
              + text.length()
              + " characters; the limit is "
              + String.format("%,d", GuidanceImporter.MAX_STATEMENT_LENGTH)
              + ". Shorten it or split it in two.");
    }
    return text;
  }

  // ---------------------------------------------------------------- one statement

  @GET
  @Path("/statements/{id}")
  public TemplateInstance statement(
      @PathParam("id") long statementId, @QueryParam("done") String done) {
    StatementDetail detail = service.statement(statementId);
    Place place = service.placeOfStatement(statementId);
    Study study = studies.get(place.studyId());
    Chrome chrome = chrome("Statement", study);
    if ("reworded".equals(done)) {
      chrome =
          chrome.withNotice(
              "The new wording is saved as version "
                  + detail.current().version()
                  + "; the earlier ones stay in the history below.");
    } else if ("removed".equals(done)) {
      chrome = chrome.withNotice("The statement is removed: panelists will not see it.");
    }
    if ("translated".equals(done)) {
      chrome = chrome.withNotice("The translation is saved.");
    }
    MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
    fields.putSingle("text", detail.current().text());
    return statementPage(chrome, study, place, detail, new FormInput(fields), new FieldErrors());
  }

  private TemplateInstance statementPage(
      Chrome chrome,
      Study study,
      Place place,
      StatementDetail detail,
      FormInput form,
      FieldErrors errors) {
    List<TranslationRow> rows =
        translations.ofStatement(detail.current().id()).stream()
            .map(
                t ->
                    new TranslationRow(
                        t.language(),
                        Languages.describe(t.language()),
                        t.text(),
                        t.sourceVersion(),
                        t.sourceVersion() == null
                            || t.sourceVersion() != detail.current().version()))
            .toList();
    List<String> languages =
        Languages.supported().stream().filter(l -> !l.equals(study.language)).toList();
    return Templates.statement(
        chrome, study, place, detail, editable(study), form, errors, rows, languages);
  }

  /**
   * The statement's wording in another language, at any time (also after round 1): it translates
   * the current wording; an empty text removes it.
   */
  @POST
  @Path("/statements/{id}/translations")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response translate(
      @PathParam("id") long statementId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    Place place = service.placeOfStatement(statementId);
    FieldErrors errors = new FieldErrors();
    try {
      translations.put(
          place.studyId(),
          new TranslationRequest(
              TextKind.STATEMENT, statementId, form.get("language"), form.get("translation")));
      return Console.seeOther("/console/statements/" + statementId + "?done=translated");
    } catch (ConcordException.Invalid e) {
      errors.add(e);
    }
    StatementDetail detail = service.statement(statementId);
    Study study = studies.get(place.studyId());
    return Response.status(400)
        .entity(statementPage(chrome("Statement", study), study, place, detail, form, errors))
        .build();
  }

  @POST
  @Path("/statements/{id}")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reword(@PathParam("id") long statementId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String text = statementText(form, errors);
    String reason = form.text("reason");
    if (reason != null && reason.length() > 2000) {
      errors.add("reason", "The reason may have at most 2,000 characters.");
    }
    if (errors.isEmpty()) {
      try {
        service.reword(statementId, text, reason);
        return Console.seeOther("/console/statements/" + statementId + "?done=reworded");
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      }
    }
    StatementDetail detail = service.statement(statementId);
    Place place = service.placeOfStatement(statementId);
    Study study = studies.get(place.studyId());
    return Response.status(400)
        .entity(statementPage(chrome("Statement", study), study, place, detail, form, errors))
        .build();
  }

  @POST
  @Path("/statements/{id}/remove")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response remove(@PathParam("id") long statementId) {
    service.remove(statementId);
    return Console.seeOther("/console/statements/" + statementId + "?done=removed");
  }

  // ---------------------------------------------------------------- shared

  private Chrome chrome(String title, Study study) {
    return console.chrome(title, study.id, study.title, "guidance");
  }

  /** The guidance changes here only before round 1 opens (the service's rule). */
  static boolean editable(Study study) {
    return study.state == StudyState.DRAFT;
  }
}
