package org.concord.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.security.Role;
import org.concord.study.StudyRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Email", description = "The outbox of invitations, reminders and thank-yous")
public class OutboxResource {

  @Inject OutboxService outbox;
  @Inject StudyRepository studies;

  public record OutboxView(
      Long id,
      EmailKind kind,
      String recipient,
      Long panelistId,
      Long roundId,
      String subject,
      OutboxStatus status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant sentAt,
      Instant createdAt) {
    static OutboxView of(OutboxEmail e) {
      return new OutboxView(
          e.id,
          e.kind,
          e.recipient,
          e.panelist == null ? null : e.panelist.id,
          e.round == null ? null : e.round.id,
          e.subject,
          e.status,
          e.attempts,
          e.nextAttemptAt,
          e.lastError,
          e.sentAt,
          e.createdAt);
    }
  }

  @GET
  @Path("/studies/{id}/outbox")
  @Operation(
      summary = "A study's emails: pending, sent or failed, with attempts and the last error")
  public Page<OutboxView> outbox(
      @PathParam("id") long studyId,
      @QueryParam("status") OutboxStatus status,
      @BeanParam PageRequest page) {
    studies.require(studyId);
    return outbox.list(studyId, status, page.checked()).map(OutboxView::of);
  }

  @GET
  @Path("/studies/{id}/outbox/summary")
  @Operation(
      summary = "How many of a study's emails are pending, sent, failed and cancelled",
      description =
          "A failed email was refused for good by the mail server (the recipient's mailbox does"
              + " not exist, say) or failed on every attempt; a cancelled one no longer made sense"
              + " when its turn came (a reminder to someone who had submitted). The list filtered"
              + " by status shows each with the server's reply or the reason.")
  public OutboxService.Summary summary(@PathParam("id") long studyId) {
    studies.require(studyId);
    return outbox.summary(studyId);
  }

  @POST
  @Path("/outbox/{id}/retry")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Try a failed email again: back to pending, its attempts counted afresh, due now",
      description =
          "Only a FAILED email can be retried (409 otherwise); fix its cause first, such as a"
              + " panelist's mistyped address. The retry is written to the study's audit trail.")
  public OutboxView retry(@PathParam("id") long emailId, @Context SecurityContext who) {
    return OutboxView.of(outbox.retry(emailId, who.getUserPrincipal().getName()));
  }
}
