package org.concord.study;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.common.Reasons;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Studies", description = "Delphi studies and their protocol")
public class StudyResource {

  @Inject StudyService service;
  @Inject AuditLog audit;

  public record CreateStudyRequest(
      @NotBlank @Size(max = 300) String title,
      @Size(max = 10000) String description,
      @Valid ProtocolSettings protocol) {}

  public record UpdateStudyRequest(
      @Size(min = 1, max = 300) String title, @Size(max = 10000) String description) {}

  public record StudyView(
      Long id,
      String title,
      String description,
      StudyState state,
      ProtocolSettings protocol,
      Instant protocolLockedAt,
      Instant createdAt,
      Instant updatedAt) {
    static StudyView of(Study s) {
      return new StudyView(
          s.id,
          s.title,
          s.description,
          s.state,
          ProtocolSettings.of(s.protocol),
          s.protocolLockedAt,
          s.createdAt,
          s.updatedAt);
    }
  }

  @GET
  @Path("/studies")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "List studies")
  public Page<StudyView> list(@BeanParam PageRequest page) {
    return service.list(page.checked()).map(StudyView::of);
  }

  @POST
  @Path("/studies")
  @Operation(
      summary = "Create a study; protocol fields left out take the defaults (1–9, COMET 70/15)")
  public Response create(@Valid @NotNull CreateStudyRequest request) {
    Study study = service.create(request.title(), request.description(), request.protocol());
    return Response.created(URI.create("/api/studies/" + study.id))
        .entity(StudyView.of(study))
        .build();
  }

  @GET
  @Path("/studies/{id}")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "A study with its protocol")
  public StudyView get(@PathParam("id") long id) {
    return StudyView.of(service.get(id));
  }

  @PATCH
  @Path("/studies/{id}")
  @Operation(summary = "Change a study's title or description")
  public StudyView update(@PathParam("id") long id, @Valid @NotNull UpdateStudyRequest request) {
    return StudyView.of(service.update(id, request.title(), request.description()));
  }

  @GET
  @Path("/studies/{id}/protocol")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "A study's protocol: scale, consensus rule, stopping, feedback")
  public ProtocolSettings protocol(@PathParam("id") long id) {
    return ProtocolSettings.of(service.get(id).protocol);
  }

  @PATCH
  @Path("/studies/{id}/protocol")
  @Operation(
      summary =
          "Change the protocol; fields left out keep their value, an invalid result changes nothing")
  public ProtocolSettings changeProtocol(
      @PathParam("id") long id,
      @Parameter(
              description =
                  "Why the protocol changes; required once round 1 has opened. A long reason goes"
                      + " in the body's \"reason\" instead.")
          @QueryParam("reason")
          String reason,
      @NotNull ProtocolSettings settings,
      @Context SecurityContext who) {
    return ProtocolSettings.of(
        service.changeProtocol(
                id,
                settings,
                Reasons.oneOf(reason, settings.reason()),
                who.getUserPrincipal().getName())
            .protocol);
  }

  public record AuditView(Instant at, String actor, String action, String detail) {}

  @GET
  @Path("/studies/{id}/audit")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(
      summary = "The study's audit trail: protocol lock, changes with their reasons, overrides")
  public List<AuditView> audit(@PathParam("id") long id) {
    service.get(id);
    return audit.of(id).stream()
        .map(e -> new AuditView(e.createdAt, e.actor, e.action, e.detail))
        .toList();
  }
}
