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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concord.common.ConcordConfig;
import org.concord.common.ConcordException;
import org.concord.common.Problem;
import org.concord.guidance.GuidanceViews.ImportPreview;
import org.concord.guidance.GuidanceViews.ImportSummary;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The console's guidance import: a Markdown, CSV or JSON file (or pasted text) is read and shown as
 * it would be stored, or refused with every error by line, before anything is stored; the
 * confirmation stores it all or nothing through {@link GuidanceService#importGuidance}, as the API
 * does.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class GuidanceImportPages {

  /** A pasted or uploaded file's format chosen in the form, or taken from the file's name. */
  public record FormatOption(String value, String label, boolean selected) {}

  @CheckedTemplate(basePath = "guidance")
  static class Templates {
    static native TemplateInstance upload(
        Chrome chrome,
        Study study,
        boolean editable,
        FormInput form,
        List<FormatOption> formats,
        FieldErrors errors,
        List<Problem.FieldError> lines,
        String source);

    static native TemplateInstance preview(
        Chrome chrome,
        Study study,
        ImportPreview preview,
        String source,
        String format,
        String content);
  }

  @Inject Console console;
  @Inject GuidanceService service;
  @Inject StudyService studies;
  @Inject ConcordConfig config;

  @GET
  @Path("/studies/{id}/guidance/import")
  public TemplateInstance uploadForm(@PathParam("id") long studyId) {
    Study study = studies.get(studyId);
    return Templates.upload(
        chrome("Import guidance", study),
        study,
        GuidancePages.editable(study),
        FormInput.empty(),
        formats(""),
        new FieldErrors(),
        List.of(),
        null);
  }

  /**
   * Reads the file (or the pasted text) and shows what an import would store, with the button that
   * stores it; or every error by line. Nothing is stored here.
   */
  @POST
  @Path("/studies/{id}/guidance/preview")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response preview(
      @PathParam("id") long studyId,
      @RestForm("file") FileUpload file,
      @RestForm("format") String formatField,
      @RestForm("text") String pasted)
      throws IOException {
    Study study = studies.get(studyId);
    MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
    fields.putSingle("format", formatField == null ? "" : formatField);
    fields.putSingle("text", pasted == null ? "" : pasted);
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();

    boolean hasFile = file != null && file.size() > 0;
    boolean hasText = pasted != null && !pasted.isBlank();
    String fileName = file == null || file.fileName() == null ? "" : file.fileName().strip();
    GuidanceFormat chosen = chosenFormat(form.get("format"), errors);
    GuidanceFormat format = chosen;
    byte[] body = null;
    String source = null;
    if (hasFile && hasText) {
      errors.add("file", "Choose a file or paste the guidance, not both.");
    } else if (hasFile) {
      if (file.size() > maxFileBytes()) {
        errors.add(
            "file",
            "The file is larger than "
                + String.format("%,d", maxFileBytes() / 1024)
                + " KB, the most the console imports at once. Split it in two.");
      } else {
        body = Files.readAllBytes(file.uploadedFile());
        source = "The file \u201c" + fileName + "\u201d";
        if (format == null) {
          format = formatOfName(fileName);
          if (format == null && errors.isEmpty()) {
            errors.add(
                "format",
                "Concord could not tell the format from the name \u201c"
                    + fileName
                    + "\u201d: choose Markdown, CSV or JSON here.");
          }
        }
      }
    } else if (hasText) {
      body = pasted.getBytes(StandardCharsets.UTF_8);
      source = "The pasted text";
      if (body.length > maxFileBytes()) {
        errors.add("text", "The text is too long to import at once. Split it in two.");
      }
      if (format == null) {
        format = GuidanceFormat.MARKDOWN;
      }
    } else {
      errors.add("file", "Choose a file, or paste the guidance in the box below.");
    }
    if (errors.isEmpty()) {
      try {
        ImportPreview preview = service.preview(studyId, format, body);
        return Response.ok(
                Templates.preview(
                    chrome("Check the import", study),
                    study,
                    preview,
                    source,
                    format.name(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(body)))
            .build();
      } catch (ConcordException.ImportRefused e) {
        return refusedFile(study, form, e, hasFile ? "file" : "text", source);
      }
    }
    return Response.status(400)
        .entity(
            Templates.upload(
                chrome("Import guidance", study),
                study,
                GuidancePages.editable(study),
                form,
                formats(form.get("format")),
                errors,
                List.of(),
                null))
        .build();
  }

  /** The confirmed import: the previewed content, stored all or nothing. */
  @POST
  @Path("/studies/{id}/guidance/import")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response importGuidance(
      @PathParam("id") long studyId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    Study study = studies.get(studyId);
    GuidanceFormat format = null;
    byte[] body = null;
    try {
      format = GuidanceFormat.valueOf(form.get("format"));
      body = Base64.getUrlDecoder().decode(form.get("content"));
    } catch (IllegalArgumentException e) {
      // below
    }
    if (format == null || body == null || body.length == 0) {
      FieldErrors errors =
          new FieldErrors()
              .add("file", "The import form came back incomplete. Upload the file again.");
      return Response.status(400)
          .entity(
              Templates.upload(
                  chrome("Import guidance", study),
                  study,
                  GuidancePages.editable(study),
                  FormInput.empty(),
                  formats(""),
                  errors,
                  List.of(),
                  null))
          .build();
    }
    try {
      ImportSummary summary = service.importGuidance(studyId, format, body);
      return Console.seeOther(
          "/console/studies/"
              + studyId
              + "/guidance?imported="
              + summary.statementsCreated()
              + "&created="
              + summary.sectionsCreated()
              + "&extended="
              + summary.sectionsExtended());
    } catch (ConcordException.ImportRefused e) {
      // the study's guidance changed since the preview
      return refusedFile(study, FormInput.empty(), e, "file", "The file");
    }
  }

  private Response refusedFile(
      Study study, FormInput form, ConcordException.ImportRefused e, String field, String source) {
    List<Problem.FieldError> lines = e.problem().errors();
    int count = lines == null ? 0 : lines.size();
    FieldErrors errors =
        new FieldErrors()
            .add(
                field,
                (source == null ? "The file" : source)
                    + " has "
                    + (count == 1 ? "1 error" : count + " errors")
                    + ", listed below by line. Nothing was stored: correct "
                    + (field.equals("text") ? "the text" : "the file")
                    + " and check it again.");
    return Response.status(400)
        .entity(
            Templates.upload(
                chrome("Import guidance", study),
                study,
                GuidancePages.editable(study),
                form,
                formats(form.get("format")),
                errors,
                lines == null ? List.of() : lines,
                source))
        .build();
  }

  /**
   * The largest file the preview accepts: its content comes back in the confirm form as base64,
   * which must fit within the body limit too (4 bytes for every 3, and room for the form).
   */
  private long maxFileBytes() {
    return (config.maxBodyBytes() - 4096) / 4 * 3;
  }

  private static GuidanceFormat chosenFormat(String value, FieldErrors errors) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return GuidanceFormat.valueOf(value);
    } catch (IllegalArgumentException e) {
      errors.add("format", "Choose Markdown, CSV or JSON.");
      return null;
    }
  }

  static GuidanceFormat formatOfName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt")) {
      return GuidanceFormat.MARKDOWN;
    }
    if (name.endsWith(".csv")) {
      return GuidanceFormat.CSV;
    }
    if (name.endsWith(".json")) {
      return GuidanceFormat.JSON;
    }
    return null;
  }

  private static List<FormatOption> formats(String selected) {
    Map<String, String> labels =
        Map.of(
            "", "From the file's name (.md, .csv, .json); pasted text is Markdown",
            "MARKDOWN", "Markdown",
            "CSV", "CSV",
            "JSON", "JSON");
    return List.of("", "MARKDOWN", "CSV", "JSON").stream()
        .map(v -> new FormatOption(v, labels.get(v), v.equals(selected)))
        .toList();
  }

  private Chrome chrome(String title, Study study) {
    return console.chrome(title, study.id, study.title, "guidance");
  }
}
