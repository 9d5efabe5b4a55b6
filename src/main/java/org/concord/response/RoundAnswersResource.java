package org.concord.response;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.response.RoundAnswers.CommentView;
import org.concord.response.RoundAnswers.LateSaveView;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Rounds", description = "Open, watch, remind, close, review and build the next round")
public class RoundAnswersResource {

  @Inject RoundAnswers answers;

  public record ReleaseRequest(@NotNull Boolean released) {}

  @GET
  @Path("/rounds/{id}/comments")
  @Operation(summary = "The panelists' comments of a round, with their group and whether released")
  public Page<CommentView> comments(@PathParam("id") long roundId, @BeanParam PageRequest page) {
    return answers.comments(roundId, page.checked());
  }

  @PATCH
  @Path("/comments/{id}")
  @Operation(summary = "Release a comment as anonymous feedback in the next round, or withhold it")
  public Response release(@PathParam("id") long commentId, @Valid @NotNull ReleaseRequest request) {
    answers.release(commentId, request.released());
    return Response.noContent().build();
  }

  @GET
  @Path("/rounds/{id}/late-saves")
  @Operation(summary = "Saves that arrived after the round closed: refused, kept here")
  public List<LateSaveView> lateSaves(@PathParam("id") long roundId) {
    return answers.lateSaves(roundId);
  }
}
