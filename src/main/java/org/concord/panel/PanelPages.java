package org.concord.panel;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.concord.common.ConcordException;
import org.concord.common.Languages;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.common.Texts;
import org.concord.mail.OutboxEmail;
import org.concord.mail.OutboxService;
import org.concord.panel.PanelViews.GroupView;
import org.concord.panel.PanelViews.PanelImportSummary;
import org.concord.panel.PanelViews.PanelPreview;
import org.concord.panel.PanelViews.PanelistView;
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
 * The panel tab: the groups, the panelists with their status in every round (searched and
 * filtered), a panel file added after a preview, and one panelist's page (edit, withdraw, reissue
 * the link, the emails sent to them). Every page shows who is on the panel, so all are the
 * coordinator's; the analyst works with pseudonyms.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR)
public class PanelPages {

  static final int PAGE_SIZE = 50;

  /** The most emails one panelist's page lists; a panelist receives a handful per round. */
  static final int EMAILS_SHOWN = 100;

  /** One panelist's row: their status in each opened round, in round order, as words. */
  public record Row(PanelistView panelist, String status, List<String> rounds) {}

  /** What the filter form shows as chosen, and the same as a query string for the pager. */
  public record Filters(String q, Long group, Integer round, RoundStatus roundStatus) {
    public boolean any() {
      return q != null || group != null || round != null;
    }

    public boolean isGroup(Long id) {
      return id != null && id.equals(group);
    }

    public boolean isRound(Integer number) {
      return number != null && number.equals(round);
    }

    public boolean isStatus(String name) {
      return roundStatus != null && roundStatus.name().equals(name);
    }

    String query() {
      StringBuilder query = new StringBuilder();
      if (q != null) {
        query.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
      }
      if (group != null) {
        query.append("&group=").append(group);
      }
      if (round != null && roundStatus != null) {
        query.append("&round=").append(round).append("&roundStatus=").append(roundStatus);
      }
      return query.toString();
    }
  }

  /** A page of the table, numbered from 1 as people count, with links that keep the filters. */
  public record Table(
      List<Row> rows, List<Integer> rounds, int number, int pages, long total, String base) {
    public boolean hasPrevious() {
      return number > 1;
    }

    public boolean hasNext() {
      return number < pages;
    }

    public String previous() {
      return base + "page=" + (number - 1);
    }

    public String next() {
      return base + "page=" + (number + 1);
    }
  }

  /** An option of a select, chosen or not. */
  public record Option(String value, String label, boolean selected) {}

  /** A status a round filter may ask for, in the team's words. */
  public record Choice(String value, String label) {}

  /** One line of a refused file. */
  public record LineError(Integer line, Integer column, String message) {}

  /** One email to a panelist as their page lists it. */
  public record EmailRow(
      String kind,
      String subject,
      Integer round,
      String status,
      int attempts,
      Instant sentAt,
      Instant createdAt,
      String lastError) {}

  /** A round and the panelist's status in it. */
  public record RoundCell(int number, String status) {}

  @CheckedTemplate(basePath = "panel")
  static class Templates {
    static native TemplateInstance panel(
        Chrome chrome,
        List<GroupView> groups,
        long panelSize,
        Table table,
        Filters filters,
        List<Choice> statuses);

    static native TemplateInstance upload(
        Chrome chrome, FormInput form, FieldErrors errors, List<LineError> lines);

    static native TemplateInstance preview(Chrome chrome, PanelPreview preview, String csv);

    static native TemplateInstance panelist(
        Chrome chrome,
        PanelistView panelist,
        String status,
        List<RoundCell> rounds,
        List<Option> groups,
        FormInput form,
        FieldErrors errors,
        List<EmailRow> emails,
        List<Option> languages);

    static native TemplateInstance confirm(
        Chrome chrome, PanelistView panelist, String action, String heading, String button);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject PanelService service;
  @Inject OutboxService outbox;

  @GET
  @Path("/studies/{id}/panel")
  public TemplateInstance panel(
      @PathParam("id") long id,
      @QueryParam("q") String q,
      @QueryParam("group") Long group,
      @QueryParam("round") Integer round,
      @QueryParam("roundStatus") RoundStatus roundStatus,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("added") Integer added) {
    Study study = studies.get(id);
    List<Integer> rounds = service.openedRounds(id);
    // a round without a status (or a status without a round) filters nothing
    boolean byRound = round != null && roundStatus != null;
    Filters filters =
        new Filters(
            q == null || q.isBlank() ? null : q.strip(),
            group,
            byRound ? round : null,
            byRound ? roundStatus : null);
    int number = Math.max(1, page);
    Page<PanelistView> found =
        service.panelists(
            id,
            new PanelFilter(filters.q(), group, null, filters.round(), filters.roundStatus()),
            new PageRequest(number - 1, PAGE_SIZE).checked());
    List<Row> rows =
        found.items().stream()
            .map(
                p ->
                    new Row(
                        p,
                        words(p.status()),
                        rounds.stream()
                            .map(r -> p.rounds().getOrDefault(r, RoundStatus.NOT_INVITED).words())
                            .toList()))
            .toList();
    int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    String base = "/console/studies/" + id + "/panel?" + filters.query().replaceFirst("^&", "");
    Table table =
        new Table(
            rows, rounds, number, pages, found.total(), base.endsWith("?") ? base : base + "&");
    List<GroupView> groups = service.groups(id, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    long panelSize = groups.stream().mapToLong(GroupView::activePanelists).sum();
    Chrome chrome = console.chrome("Panel", study.id, study.title, "panel");
    if (added != null) {
      chrome =
          chrome.withNotice(
              added + (added == 1 ? " panelist was" : " panelists were") + " added to the panel.");
    }
    return Templates.panel(chrome, groups, panelSize, table, filters, statusChoices());
  }

  @GET
  @Path("/studies/{id}/panel/upload")
  public TemplateInstance upload(@PathParam("id") long id) {
    Study study = studies.get(id);
    return Templates.upload(
        console.chrome("Add panelists", study.id, study.title, "panel"),
        FormInput.empty(),
        new FieldErrors(),
        List.of());
  }

  /** Reads the file (or the pasted text) and shows what it would add; nothing is stored. */
  @POST
  @Path("/studies/{id}/panel/preview")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response preview(
      @PathParam("id") long id, @RestForm("file") FileUpload file, @RestForm("csv") String pasted) {
    Study study = studies.get(id);
    String csv = fileText(file);
    if (csv == null) {
      csv = pasted == null || pasted.isBlank() ? null : pasted;
    }
    MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
    if (pasted != null) {
      typed.putSingle("csv", pasted);
    }
    FieldErrors errors = new FieldErrors();
    if (csv == null) {
      errors.add("file", "Choose a CSV file, or paste the panel into the box below.");
      return refusedUpload(study, new FormInput(typed), errors, List.of());
    }
    try {
      PanelPreview preview = service.preview(id, csv.getBytes(StandardCharsets.UTF_8));
      return Response.ok(
              Templates.preview(
                  console.chrome("Check the panel file", study.id, study.title, "panel"),
                  preview,
                  csv))
          .build();
    } catch (ConcordException.ImportRefused | ConcordException.Invalid e) {
      errors.add(FieldErrors.FORM, e.getMessage());
      return refusedUpload(study, new FormInput(typed), errors, lines(e));
    }
  }

  /** Adds the previewed file, all or nothing, through the same service as the API's import. */
  @POST
  @Path("/studies/{id}/panel/import")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response importPanel(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    Study study = studies.get(id);
    String csv = fields == null ? null : fields.getFirst("csv");
    FieldErrors errors = new FieldErrors();
    if (csv == null || csv.isBlank()) {
      errors.add("file", "Choose a CSV file, or paste the panel into the box below.");
      return refusedUpload(study, FormInput.empty(), errors, List.of());
    }
    try {
      PanelImportSummary summary =
          service.importPanel(id, csv.getBytes(StandardCharsets.UTF_8), console.user());
      return Console.seeOther(
          "/console/studies/" + id + "/panel?added=" + summary.panelistsCreated());
    } catch (ConcordException.ImportRefused | ConcordException.Invalid e) {
      MultivaluedMap<String, String> typed = new MultivaluedHashMap<>();
      typed.putSingle("csv", csv);
      errors.add(FieldErrors.FORM, e.getMessage());
      return refusedUpload(study, new FormInput(typed), errors, lines(e));
    }
  }

  @GET
  @Path("/panelists/{id}")
  public TemplateInstance panelist(@PathParam("id") long id, @QueryParam("done") String done) {
    PanelistView panelist = service.panelist(id);
    Chrome chrome = chrome(panelist);
    String notice =
        done == null
            ? null
            : switch (done) {
              case "saved" -> "The changes are saved.";
              case "withdrawn" ->
                  panelist.name() + " is withdrawn and will not be contacted again.";
              case "reissued" ->
                  "A new link is made and emailed to "
                      + panelist.email()
                      + "; the old one no longer works.";
              default -> null;
            };
    return page(
        notice == null ? chrome : chrome.withNotice(notice),
        panelist,
        form(panelist),
        new FieldErrors());
  }

  @POST
  @Path("/panelists/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    PanelistView panelist = service.panelist(id);
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String name = PanelistFields.name(form, errors);
    String email = PanelistFields.email(form, errors);
    Long groupId = null;
    try {
      groupId = form.text("groupId") == null ? null : Long.valueOf(form.get("groupId"));
    } catch (NumberFormatException e) {
      errors.add("groupId", "Choose one of the study's groups.");
    }
    if (errors.isEmpty()) {
      try {
        service.setLanguage(id, form.text("language"), console.user());
        service.updatePanelist(id, name, email, groupId, null, console.user());
        return Console.seeOther("/console/panelists/" + id + "?done=saved");
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      }
    }
    return Response.status(400).entity(page(chrome(panelist), panelist, form, errors)).build();
  }

  @GET
  @Path("/panelists/{id}/withdraw")
  public TemplateInstance confirmWithdraw(@PathParam("id") long id) {
    PanelistView panelist = service.panelist(id);
    return Templates.confirm(
        chrome(panelist),
        panelist,
        "withdraw",
        "Withdraw " + panelist.name() + "?",
        "Withdraw " + panelist.name());
  }

  @POST
  @Path("/panelists/{id}/withdraw")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response withdraw(@PathParam("id") long id) {
    service.withdraw(id, console.user());
    return Console.seeOther("/console/panelists/" + id + "?done=withdrawn");
  }

  @GET
  @Path("/panelists/{id}/link")
  public TemplateInstance confirmReissue(@PathParam("id") long id) {
    PanelistView panelist = service.panelist(id);
    return Templates.confirm(
        chrome(panelist),
        panelist,
        "link",
        "Send " + panelist.name() + " a new link?",
        "Make and send a new link");
  }

  @POST
  @Path("/panelists/{id}/link")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reissue(@PathParam("id") long id) {
    service.reissueLink(id, console.user());
    return Console.seeOther("/console/panelists/" + id + "?done=reissued");
  }

  private TemplateInstance page(
      Chrome chrome, PanelistView panelist, FormInput form, FieldErrors errors) {
    List<RoundCell> rounds =
        panelist.rounds().entrySet().stream()
            .map(e -> new RoundCell(e.getKey(), e.getValue().words()))
            .toList();
    List<EmailRow> emails =
        outbox.ofPanelist(panelist.id(), EMAILS_SHOWN).stream().map(PanelPages::emailRow).toList();
    return Templates.panelist(
        chrome,
        panelist,
        words(panelist.status()),
        rounds,
        service
            .groups(panelist.studyId(), new PageRequest(0, PageRequest.MAX_SIZE))
            .items()
            .stream()
            .map(
                g ->
                    new Option(
                        String.valueOf(g.id()),
                        g.name(),
                        String.valueOf(g.id()).equals(form.get("groupId"))))
            .toList(),
        form,
        errors,
        emails,
        languageOptions(form.get("language")));
  }

  /**
   * The language choices of the panelist form: none (browser, else study), or one Concord speaks.
   */
  private static List<Option> languageOptions(String chosen) {
    List<Option> options = new ArrayList<>();
    options.add(
        new Option(
            "", "Not set: their browser's, else the study's", chosen == null || chosen.isEmpty()));
    for (String tag : Languages.supported()) {
      options.add(new Option(tag, Languages.describe(tag), tag.equals(chosen)));
    }
    return options;
  }

  private Chrome chrome(PanelistView panelist) {
    Study study = studies.get(panelist.studyId());
    return console.chrome(panelist.name(), study.id, study.title, "panel");
  }

  private Response refusedUpload(
      Study study, FormInput form, FieldErrors errors, List<LineError> lines) {
    return Response.status(400)
        .entity(
            Templates.upload(
                console.chrome("Add panelists", study.id, study.title, "panel"),
                form,
                errors,
                lines))
        .build();
  }

  private static List<LineError> lines(ConcordException refusal) {
    List<LineError> lines = new ArrayList<>();
    if (refusal.problem().errors() != null) {
      refusal
          .problem()
          .errors()
          .forEach(e -> lines.add(new LineError(e.line(), e.column(), e.message())));
    }
    return lines;
  }

  /**
   * The uploaded file's text, or null when no file was chosen. Without NUL characters, as the
   * importer reads it: the preview carries this text in a hidden field, where a browser would turn
   * a NUL into a replacement character.
   */
  private static String fileText(FileUpload file) {
    if (file == null || file.size() == 0 || file.uploadedFile() == null) {
      return null;
    }
    try {
      return Texts.withoutNul(
          new String(Files.readAllBytes(file.uploadedFile()), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MultivaluedMap<String, String> formValues(PanelistView p) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    form.putSingle("name", p.name());
    form.putSingle("email", p.email());
    form.putSingle("groupId", String.valueOf(p.groupId()));
    form.putSingle("language", p.language() == null ? "" : p.language());
    return form;
  }

  private static FormInput form(PanelistView p) {
    return new FormInput(formValues(p));
  }

  private static EmailRow emailRow(OutboxEmail e) {
    return new EmailRow(
        switch (e.kind) {
          case INVITATION -> "Invitation";
          case REMINDER -> "Reminder";
          case THANK_YOU -> "Thank-you";
          case LINK_REISSUE -> "New link";
        },
        e.subject,
        e.round == null ? null : e.round.number,
        switch (e.status) {
          case PENDING -> e.attempts == 0 ? "waiting to be sent" : "waiting to be tried again";
          case SENT -> "sent";
          case FAILED -> "failed";
          case CANCELLED -> "not sent (no longer needed)";
        },
        e.attempts,
        e.sentAt,
        e.createdAt,
        e.lastError);
  }

  static String words(PanelistStatus status) {
    return switch (status) {
      case ADDED -> "added, not yet invited";
      case INVITED -> "invited";
      case ACTIVE -> "taking part";
      case WITHDRAWN -> "withdrawn";
    };
  }

  private static List<Choice> statusChoices() {
    List<Choice> choices = new ArrayList<>();
    choices.add(
        new Choice(RoundStatus.NOT_SUBMITTED.name(), "not submitted (invited, still to answer)"));
    for (RoundStatus status : RoundStatus.values()) {
      if (status != RoundStatus.NOT_SUBMITTED) {
        choices.add(new Choice(status.name(), status.words()));
      }
    }
    return choices;
  }
}
