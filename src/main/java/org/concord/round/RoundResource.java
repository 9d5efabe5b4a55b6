package org.concord.round;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.concord.round.RoundViews.ItemView;
import org.concord.round.RoundViews.ProgressView;
import org.concord.round.RoundViews.RoundSettings;
import org.concord.round.RoundViews.RoundView;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Rounds", description = "Open, watch, remind, close, review and build the next round")
public class RoundResource {

  @Inject RoundService service;
  @Inject RoundMonitor monitor;

  public record OpenRequest(@Size(max = 2000) String overrideReason) {}

  public record RewordRequest(
      @NotBlank @Size(max = 1000) String text, @Size(max = 2000) String reason) {}

  public record AddStatementRequest(
      @NotNull Long sectionId,
      @NotBlank @Size(max = 1000) String text,
      List<@NotNull(message = "A comment id cannot be null.") Long> commentIds) {}

  public record SettingsRequest(
      Instant closesAt,
      @Size(max = 100) String reminderDays,
      @Size(min = 1, max = 300) String invitationSubject,
      @Size(max = 4000) String personalMessage) {
    RoundSettings settings() {
      return new RoundSettings(closesAt, reminderDays, invitationSubject, personalMessage);
    }
  }

  @GET
  @Path("/studies/{id}/rounds")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "A study's rounds in order")
  public List<RoundView> rounds(@PathParam("id") long studyId) {
    return service.list(studyId);
  }

  @POST
  @Path("/studies/{id}/rounds")
  @Operation(summary = "Create round 1 as a draft from the study's current statements")
  public Response createFirst(@PathParam("id") long studyId, @Valid SettingsRequest request) {
    return Response.status(201)
        .entity(service.createFirst(studyId, request == null ? null : request.settings()))
        .build();
  }

  @GET
  @Path("/rounds/{id}")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(
      summary =
          "A round with its statements and, for a draft after round 1, the stopping rule's verdict")
  public RoundView round(@PathParam("id") long roundId) {
    return service.get(roundId);
  }

  @PATCH
  @Path("/rounds/{id}")
  @Operation(
      summary = "Change a round's closing time, reminder days, email subject or personal message")
  public RoundView update(@PathParam("id") long roundId, @Valid @NotNull SettingsRequest request) {
    return service.update(roundId, request.settings());
  }

  @POST
  @Path("/rounds/{id}/open")
  @Operation(
      summary = "Open a draft round: lock the protocol, invite the eligible panelists by email")
  public RoundView open(
      @PathParam("id") long roundId, @Valid OpenRequest request, @Context SecurityContext who) {
    return service.open(
        roundId,
        request == null ? null : request.overrideReason(),
        who.getUserPrincipal().getName());
  }

  @POST
  @Path("/rounds/{id}/close")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Close an open round and compute every statement's result",
      description =
          "Below the protocol's minimum response the round closes only with a reason, given as"
              + " ?reason= or as {\"reason\": \"…\"} in a JSON body; it goes to the audit trail"
              + " and the report.")
  public RoundView close(
      @PathParam("id") long roundId,
      @QueryParam("reason") String reason,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      String body,
      @Context SecurityContext who) {
    return service.close(
        roundId, CloseReason.of(reason, contentType, body), who.getUserPrincipal().getName());
  }

  @POST
  @Path("/rounds/{id}/next")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary =
          "Build the next round's draft: statements without consensus carried, the rest retired")
  public Response next(@PathParam("id") long roundId) {
    return Response.status(201).entity(service.next(roundId)).build();
  }

  @POST
  @Path("/rounds/{id}/remind")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Remind now every invited panelist who has not submitted (within the cap)")
  public RoundMonitor.ReminderSummary remind(@PathParam("id") long roundId) {
    return monitor.remindNow(roundId);
  }

  @PATCH
  @Path("/rounds/{id}/items/{itemId}")
  @Operation(summary = "Reword a statement in a draft round (a new version, linked to the old)")
  public ItemView reword(
      @PathParam("id") long roundId,
      @PathParam("itemId") long itemId,
      @Valid @NotNull RewordRequest request) {
    return service.reword(roundId, itemId, request.text(), request.reason());
  }

  @POST
  @Path("/rounds/{id}/statements")
  @Operation(summary = "Add a statement to a draft round, optionally from panelists' comments")
  public Response addStatement(
      @PathParam("id") long roundId, @Valid @NotNull AddStatementRequest request) {
    return Response.status(201)
        .entity(
            service.addStatement(
                roundId, request.sectionId(), request.text(), request.commentIds()))
        .build();
  }

  @GET
  @Path("/rounds/{id}/progress")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(
      summary = "Invited, opened, in progress and submitted, overall and per stakeholder group")
  public ProgressView progress(@PathParam("id") long roundId) {
    return monitor.progress(roundId);
  }
}
