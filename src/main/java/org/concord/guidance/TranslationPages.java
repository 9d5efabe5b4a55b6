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
import org.concord.common.ConcordException;
import org.concord.common.Languages;
import org.concord.guidance.TranslationResource.TranslationRequest;
import org.concord.security.Role;
import org.concord.study.Protocol;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.study.translation.TextKind;
import org.concord.study.translation.Translations.TranslationView;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * The console's page of the study's own texts in other languages: the language the study is written
 * in, and per other language its title, description, information sheet, data-protection statement
 * and unable-to-rate answer. Sections and statements are translated with the guidance (import
 * columns, or each statement's page); scale labels the study wrote through the API.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class TranslationPages {

  /** The study-level texts of the page, with their form field suffix and label. */
  private static final List<TextKind> KINDS =
      List.of(
          TextKind.STUDY_TITLE,
          TextKind.STUDY_DESCRIPTION,
          TextKind.INFORMATION_SHEET,
          TextKind.DATA_PROTECTION,
          TextKind.UNABLE_LABEL);

  /** One language's form: its fields are named "{tag}-{kind}" so that every id is unique. */
  public record LanguageForm(String tag, String name, List<Field> fields) {}

  /** {@code original}: the text in the study's language, shown as the hint of a short field. */
  public record Field(String name, String label, boolean area, String original) {}

  public record LanguageOption(String tag, String name, boolean selected) {}

  @CheckedTemplate(basePath = "guidance")
  static class Templates {
    static native TemplateInstance translations(
        Chrome chrome,
        Study study,
        List<LanguageOption> languages,
        List<LanguageForm> forms,
        FormInput form,
        FieldErrors errors);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject TranslationService translations;

  @GET
  @Path("/studies/{id}/translations")
  public TemplateInstance page(@PathParam("id") long studyId, @QueryParam("saved") boolean saved) {
    Study study = studies.get(studyId);
    Chrome chrome = chrome(study);
    return page(
        saved ? chrome.withNotice("The translations are saved.") : chrome,
        study,
        stored(studyId),
        new FieldErrors());
  }

  @POST
  @Path("/studies/{id}/language")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response language(@PathParam("id") long studyId, MultivaluedMap<String, String> fields) {
    try {
      translations.setStudyLanguage(studyId, new FormInput(fields).get("language"));
    } catch (ConcordException.Invalid e) {
      Study study = studies.get(studyId);
      return Response.status(400)
          .entity(page(chrome(study), study, stored(studyId), new FieldErrors().add(e)))
          .build();
    }
    return Console.seeOther("/console/studies/" + studyId + "/translations?saved=true");
  }

  @POST
  @Path("/studies/{id}/translations/{language}")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response save(
      @PathParam("id") long studyId,
      @PathParam("language") String language,
      MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    for (TextKind kind : KINDS) {
      String name = language + "-" + kind.name();
      try {
        translations.put(studyId, new TranslationRequest(kind, 0L, language, form.get(name)));
      } catch (ConcordException.Invalid e) {
        errors.add(name, e.problem().detail());
      }
    }
    if (!errors.isEmpty()) {
      Study study = studies.get(studyId);
      return Response.status(400).entity(page(chrome(study), study, form, errors)).build();
    }
    return Console.seeOther("/console/studies/" + studyId + "/translations?saved=true");
  }

  private FormInput stored(long studyId) {
    MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
    for (TranslationView t : translations.all(studyId)) {
      if (KINDS.contains(t.kind())) {
        values.putSingle(t.language() + "-" + t.kind().name(), t.text());
      }
    }
    return new FormInput(values);
  }

  private TemplateInstance page(Chrome chrome, Study study, FormInput form, FieldErrors errors) {
    List<LanguageOption> options =
        Languages.supported().stream()
            .map(t -> new LanguageOption(t, Languages.describe(t), t.equals(study.language)))
            .toList();
    List<LanguageForm> forms =
        Languages.supported().stream()
            .filter(t -> !t.equals(study.language))
            .map(t -> new LanguageForm(t, Languages.describe(t), fields(t, study)))
            .toList();
    return Templates.translations(chrome, study, options, forms, form, errors);
  }

  private static List<Field> fields(String tag, Study study) {
    return KINDS.stream()
        .filter(
            k ->
                k != TextKind.UNABLE_LABEL
                    || !Protocol.UNABLE_TO_RATE_LABEL.equals(study.protocol.unableToRateLabel))
        .map(
            k ->
                switch (k) {
                  case STUDY_TITLE -> new Field(tag + "-" + k.name(), "Title", false, study.title);
                  case STUDY_DESCRIPTION ->
                      new Field(tag + "-" + k.name(), "Description", true, null);
                  case INFORMATION_SHEET ->
                      new Field(tag + "-" + k.name(), "Information sheet (Markdown)", true, null);
                  case DATA_PROTECTION ->
                      new Field(tag + "-" + k.name(), "Data protection statement", true, null);
                  default ->
                      new Field(
                          tag + "-" + k.name(),
                          "The answer \"" + study.protocol.unableToRateLabel + "\"",
                          false,
                          study.protocol.unableToRateLabel);
                })
        .toList();
  }

  private Chrome chrome(Study study) {
    return console.chrome("Translations", study.id, study.title, "details");
  }
}
