package org.concord.mail;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;

/**
 * A study's outbox in the console: how many emails wait, went out, failed or were cancelled, the
 * list by status, and a retry for a failed one. The coordinator's alone: it shows who the panelists
 * are.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.COORDINATOR)
public class OutboxPages {

  static final int PAGE_SIZE = 50;

  /** One email as the list shows it. */
  public record EmailRow(
      long id,
      String recipient,
      String kind,
      String subject,
      OutboxStatus status,
      String statusLabel,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant sentAt) {
    public boolean failed() {
      return status == OutboxStatus.FAILED;
    }

    public boolean pending() {
      return status == OutboxStatus.PENDING;
    }
  }

  /** A choice of the status filter. */
  public record StatusOption(String value, String label, boolean selected) {}

  /** A page of the list, numbered from 1 as people count. */
  public record EmailPage(
      List<EmailRow> rows, int number, int pages, long total, String status, String statusQuery) {
    public boolean hasPrevious() {
      return number > 1;
    }

    public boolean hasNext() {
      return number < pages;
    }

    public int previous() {
      return number - 1;
    }

    public int next() {
      return number + 1;
    }
  }

  @CheckedTemplate(basePath = "outbox")
  static class Templates {
    static native TemplateInstance outbox(
        Chrome chrome, OutboxService.Summary counts, List<StatusOption> statuses, EmailPage emails);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject OutboxService outbox;

  @GET
  @Path("/studies/{id}/outbox")
  public TemplateInstance outbox(
      @PathParam("id") long studyId,
      @QueryParam("status") String statusParam,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("done") String done) {
    Study study = studies.get(studyId);
    OutboxStatus status = status(statusParam);
    int number = Math.max(1, page);
    Page<OutboxEmail> emails =
        outbox.list(studyId, status, new PageRequest(number - 1, PAGE_SIZE).checked());
    int pages = (int) Math.max(1, (emails.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    List<EmailRow> rows =
        emails.items().stream()
            .map(
                e ->
                    new EmailRow(
                        e.id,
                        e.recipient,
                        kind(e.kind),
                        e.subject,
                        e.status,
                        label(e.status),
                        e.attempts,
                        e.lastError,
                        e.createdAt,
                        e.nextAttemptAt,
                        e.sentAt))
            .toList();
    List<StatusOption> statuses =
        new ArrayList<>(List.of(new StatusOption("", "Every email", status == null)));
    Arrays.stream(OutboxStatus.values())
        .map(s -> new StatusOption(s.name(), label(s), s == status))
        .forEach(statuses::add);
    Chrome chrome = console.chrome("Outbox", study.id, study.title, "rounds");
    return Templates.outbox(
        "retried".equals(done)
            ? chrome.withNotice(
                "The email is back in the queue and goes out within a minute; its attempts start"
                    + " again from zero.")
            : chrome,
        outbox.summary(studyId),
        statuses,
        new EmailPage(
            rows,
            number,
            pages,
            emails.total(),
            status == null ? null : label(status),
            status == null ? "" : "status=" + status.name() + "&"));
  }

  @POST
  @Path("/outbox/{id}/retry")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response retry(@PathParam("id") long emailId, MultivaluedMap<String, String> fields) {
    OutboxEmail email = outbox.retry(emailId, console.user());
    return Console.seeOther(
        "/console/studies/" + email.study.id + "/outbox?status=PENDING&done=retried");
  }

  private static OutboxStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Arrays.stream(OutboxStatus.values())
        .filter(s -> s.name().equalsIgnoreCase(value.strip()))
        .findFirst()
        .orElse(null);
  }

  static String label(OutboxStatus status) {
    return switch (status) {
      case PENDING -> "Waiting";
      case SENT -> "Sent";
      case FAILED -> "Failed";
      case CANCELLED -> "Cancelled";
    };
  }

  static String kind(EmailKind kind) {
    return switch (kind) {
      case INVITATION -> "Invitation";
      case REMINDER -> "Reminder";
      case THANK_YOU -> "Thank-you";
      case LINK_REISSUE -> "New link";
    };
  }
}
