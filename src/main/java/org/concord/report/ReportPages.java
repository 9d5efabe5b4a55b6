package org.concord.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.concord.report.export.ExportDownloads;
import org.concord.report.export.StudyExports.Export;
import org.concord.round.RoundService;
import org.concord.round.RoundState;
import org.concord.round.RoundViews.RoundView;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;

/**
 * The report tab: every file the API offers, said in plain words, and the console's own links to
 * them. The console signs in with its session cookie while the API takes HTTP Basic, so each file
 * has a console address here that answers with exactly what the API answers (the same service, type
 * and file name).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class ReportPages {

  /** One file to download: what it is, what it holds and whom it is for. */
  public record Download(
      String title, String href, String format, String file, String contains, String audience) {

    /** The HTML report opens as a page to read and print; every other file is saved. */
    public boolean opensInBrowser() {
      return file.endsWith(".html");
    }
  }

  /** Downloads under one heading, with what they have in common. */
  public record DownloadGroup(String heading, String intro, String warning, List<Download> items) {}

  /** How far the study has come: the report grows with each closed round. */
  public record Progress(int rounds, int closed, boolean anyOpen) {}

  @CheckedTemplate(basePath = "report")
  static class Templates {
    static native TemplateInstance downloads(
        Chrome chrome, Progress progress, List<DownloadGroup> groups);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject RoundService rounds;
  @Inject ReportDownloads reports;
  @Inject ExportDownloads exports;

  @GET
  @Path("/studies/{id}/report")
  public TemplateInstance page(@PathParam("id") long id) {
    Study study = studies.get(id);
    List<RoundView> all = rounds.list(id);
    Progress progress =
        new Progress(
            all.size(),
            (int) all.stream().filter(r -> r.state() == RoundState.CLOSED).count(),
            all.stream().anyMatch(r -> r.state() == RoundState.OPEN));
    String base = "/console/studies/" + id + "/report/";
    String file = ReportDownloads.file(id);
    List<Download> report = new ArrayList<>();
    report.add(
        new Download(
            "Report to read and print",
            base + "report.html",
            "HTML",
            file + ".html",
            "The whole consensus report as one web page, with its charts. It opens in the browser;"
                + " print it from there or save it as a single file.",
            "The study team, steering groups and funders reading the results."));
    report.add(
        new Download(
            "Report as PDF",
            base + "report.pdf",
            "PDF",
            file + ".pdf",
            "The same report with page numbers, ready to attach to a submission or a funder's"
                + " progress report.",
            "Journals (a supplementary file), funders and ethics committees."));
    report.add(
        new Download(
            "Report as data (JSON)",
            base + "report.json",
            "JSON",
            file + ".json",
            "Every section of the report as structured data, every number at full precision:"
                + " nothing is rounded.",
            "Analysts and programmers checking the figures or building their own tables."));
    List<Download> data = new ArrayList<>();
    data.add(
        csv(
            base + "ratings.csv",
            id,
            Export.RATINGS,
            "Ratings",
            "Every submitted rating, one row each: round, statement, stakeholder group, the"
                + " rating and whether it changed from the round before. Panelists appear only as"
                + " pseudonyms (P001, P002, …).",
            "Analysts working in R, SPSS, Stata or Excel."));
    data.add(
        csv(
            base + "item-results.csv",
            id,
            Export.ITEM_RESULTS,
            "Results per statement",
            "One row per statement, round and stakeholder group (and the whole panel): the count"
                + " at each scale point, n, % agree and disagree, median, IQR and the other"
                + " statistics at full precision, the outcome and its reason, stability.",
            "Analysts re-checking the consensus decisions; authors building results tables."));
    data.add(
        csv(
            base + "comments.csv",
            id,
            Export.COMMENTS,
            "Comments",
            "Every comment panelists wrote, on statements and on sections, with the round and"
                + " stakeholder group but never who wrote it.",
            "Researchers doing a qualitative analysis of the comments."));
    data.add(
        csv(
            base + "participation.csv",
            id,
            Export.PARTICIPATION,
            "Participation",
            "One row per panelist and round they were invited to: when the link was opened, the"
                + " response started and submitted. Pseudonymous.",
            "Analysts reporting response rates and attrition (the flow of participants)."));
    data.add(
        new Download(
            "Codebook",
            base + "codebook.csv",
            "CSV",
            ExportDownloads.codebookFile(id),
            "What every column of every data file means, its type and its allowed values.",
            "Anyone opening the data files; include it when sharing the data."));
    data.add(
        new Download(
            "Workbook",
            base + "workbook.xlsx",
            "Excel (XLSX)",
            ExportDownloads.workbookFile(id),
            "Ratings, results per statement, comments, participation and the codebook, each on a"
                + " sheet of its own.",
            "Anyone who prefers a spreadsheet to separate files."));
    Download identityMap =
        csv(
            base + "identity-map.csv",
            id,
            Export.IDENTITY_MAP,
            "Identity map",
            "Which pseudonym is which panelist: name and email. Keep it apart from the data and"
                + " share it with nobody who analyses the data.",
            "Coordinators only, to contact panelists or honour a request to withdraw data.");
    Chrome chrome = console.chrome("Report and downloads", study.id, study.title, "report");
    List<DownloadGroup> groups = new ArrayList<>();
    groups.add(
        new DownloadGroup(
            "The consensus report",
            "The report follows what the ACCORD and CREDES guidance ask of a consensus study: the"
                + " method in a paragraph ready for a paper, any changes to the protocol with their"
                + " reasons, participation and attrition per round, each statement's results per"
                + " round with a chart, a sensitivity table, an attrition-bias check, the final"
                + " lists, and the comments released to panelists, without names. The HTML and PDF"
                + " round numbers for reading and say to how many places; the JSON does not round.",
            null,
            report));
    groups.add(
        new DownloadGroup(
            "Data for analysis",
            "Spreadsheet-ready files: CSV (UTF-8, one header row, readable by R, SPSS, Stata, pandas"
                + " and Excel) and one Excel workbook. Panelists appear only as pseudonyms. Numbers"
                + " are exact, never rounded. A cell that a spreadsheet could run as a formula"
                + " starts with an apostrophe.",
            null,
            data));
    groups.add(
        new DownloadGroup(
            "Who is who",
            chrome.coordinator()
                ? "One file links the pseudonyms in the data to the panelists."
                : "The identity map, which links pseudonyms to panelists' names and emails, is for"
                    + " coordinators only.",
            chrome.coordinator()
                ? "This file names people. Store it apart from the data files."
                : null,
            chrome.coordinator() ? List.of(identityMap) : List.of()));
    return Templates.downloads(chrome, progress, groups);
  }

  private static Download csv(
      String href, long id, Export export, String title, String contains, String audience) {
    return new Download(
        title, href, "CSV", ExportDownloads.csvFile(id, export), contains, audience);
  }

  @GET
  @Path("/studies/{id}/report/report.html")
  public Response html(@PathParam("id") long id, @Context RoutingContext context) {
    return reports.report(id, "html", context);
  }

  @GET
  @Path("/studies/{id}/report/report.pdf")
  @Produces(ReportDownloads.PDF)
  public Response pdf(@PathParam("id") long id, @Context RoutingContext context) {
    return reports.report(id, "pdf", context);
  }

  @GET
  @Path("/studies/{id}/report/report.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response json(@PathParam("id") long id, @Context RoutingContext context) {
    return reports.report(id, "json", context);
  }

  @GET
  @Path("/studies/{id}/report/ratings.csv")
  @Produces(ExportDownloads.CSV)
  public Response ratings(@PathParam("id") long id) {
    return exports.csv(id, Export.RATINGS);
  }

  @GET
  @Path("/studies/{id}/report/item-results.csv")
  @Produces(ExportDownloads.CSV)
  public Response itemResults(@PathParam("id") long id) {
    return exports.csv(id, Export.ITEM_RESULTS);
  }

  @GET
  @Path("/studies/{id}/report/comments.csv")
  @Produces(ExportDownloads.CSV)
  public Response comments(@PathParam("id") long id) {
    return exports.csv(id, Export.COMMENTS);
  }

  @GET
  @Path("/studies/{id}/report/participation.csv")
  @Produces(ExportDownloads.CSV)
  public Response participation(@PathParam("id") long id) {
    return exports.csv(id, Export.PARTICIPATION);
  }

  @GET
  @Path("/studies/{id}/report/codebook.csv")
  @Produces(ExportDownloads.CSV)
  public Response codebook(@PathParam("id") long id) {
    return exports.codebook(id);
  }

  @GET
  @Path("/studies/{id}/report/workbook.xlsx")
  @Produces(ExportDownloads.XLSX)
  public Response workbook(@PathParam("id") long id) {
    return exports.workbook(id);
  }

  @GET
  @Path("/studies/{id}/report/identity-map.csv")
  @Produces(ExportDownloads.CSV)
  @RolesAllowed(Role.COORDINATOR)
  public Response identityMap(@PathParam("id") long id) {
    return exports.csv(id, Export.IDENTITY_MAP);
  }
}
