package org.concord.report.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.concord.report.export.StudyExports.Export;

/**
 * A study's exports as responses that stream, each with its type and file name: the API ({@link
 * ExportResource}) and the console's download links answer with the same.
 */
@ApplicationScoped
public class ExportDownloads {

  public static final String CSV = "text/csv; charset=UTF-8";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject StudyExports exports;

  /** The name a CSV export is saved under, which also ends its address. */
  public static String csvFile(long studyId, Export export) {
    return "concord-study-" + studyId + "-" + export.file + ".csv";
  }

  public static String codebookFile(long studyId) {
    return "concord-study-" + studyId + "-codebook.csv";
  }

  public static String workbookFile(long studyId) {
    return "concord-study-" + studyId + ".xlsx";
  }

  public Response csv(long studyId, Export export) {
    exports.requireStudy(studyId);
    StreamingOutput body = out -> exports.csv(studyId, export, out);
    return attachment(body, CSV, csvFile(studyId, export));
  }

  public Response codebook(long studyId) {
    exports.requireStudy(studyId);
    StreamingOutput body = out -> exports.codebook(studyId, out);
    return attachment(body, CSV, codebookFile(studyId));
  }

  public Response workbook(long studyId) {
    exports.requireStudy(studyId);
    StreamingOutput body = out -> exports.workbook(studyId, out);
    return attachment(body, XLSX, workbookFile(studyId));
  }

  private static Response attachment(StreamingOutput body, String type, String file) {
    return Response.ok(body, type)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("Cache-Control", "no-store")
        .build();
  }
}
