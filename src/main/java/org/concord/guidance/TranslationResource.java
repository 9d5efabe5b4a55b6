package org.concord.guidance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.concord.common.ConcordException;
import org.concord.guidance.GuidanceViews.ImportSummary;
import org.concord.security.Role;
import org.concord.study.translation.TextKind;
import org.concord.study.translation.Translations.TranslationView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A study's own texts in other languages: read, set one by one, or upload a translated file. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Translations", description = "The study's texts in the languages of its panelists")
public class TranslationResource {

  @Inject TranslationService service;

  public record TranslationRequest(
      @NotNull TextKind kind,
      @Schema(
              description =
                  "The section or statement id; the scale point for SCALE_LABEL; omitted (0) for"
                      + " the study's own texts.")
          Long target,
      @NotBlank String language,
      @Schema(description = "The translated text; empty removes the translation.") String text) {}

  public record LanguageRequest(@NotBlank String language) {}

  @PUT
  @Path("/studies/{id}/language")
  @Operation(
      summary = "Set the language the study's own texts are written in (en, cy)",
      description =
          "Panelists reading another language see each text's translation where there is one,"
              + " else the original marked with this language.")
  public Response language(@PathParam("id") long studyId, @Valid @NotNull LanguageRequest request) {
    service.setStudyLanguage(studyId, request.language());
    return Response.noContent().build();
  }

  @GET
  @Path("/studies/{id}/translations")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(
      summary = "Every translation of the study's texts",
      description =
          "A STATEMENT translation names the statement version it translates (sourceVersion);"
              + " once the statement is reworded, panelists see the new wording in the original"
              + " language until the translation is updated.")
  public List<TranslationView> translations(@PathParam("id") long studyId) {
    return service.all(studyId);
  }

  @PUT
  @Path("/studies/{id}/translations")
  @Operation(
      summary = "Set or remove one translation",
      description =
          "Any time, also after round 1 opened. A statement's translation is of its current"
              + " wording.")
  public Response put(@PathParam("id") long studyId, @Valid @NotNull TranslationRequest request) {
    TranslationView stored = service.put(studyId, request);
    return stored == null ? Response.noContent().build() : Response.ok(stored).build();
  }

  @POST
  @Path("/studies/{id}/guidance/translations")
  @Consumes({"text/markdown", "text/csv", MediaType.APPLICATION_JSON})
  @RequestBody(
      description =
          "The study's guidance written in another language, in any guidance format: its sections"
              + " in the study's order, its statements by id where given, else in the study's"
              + " order. All or nothing.")
  @Operation(summary = "Upload the guidance's translation into one language")
  public ImportSummary importTranslation(
      @PathParam("id") long studyId,
      @QueryParam("language") String language,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      byte[] body) {
    GuidanceFormat format =
        GuidanceFormat.ofMediaType(contentType)
            .orElseThrow(
                () ->
                    ConcordException.invalid(
                        "Content-Type", "Send text/markdown, text/csv or application/json."));
    return service.importTranslation(studyId, format, language, body == null ? new byte[0] : body);
  }
}
