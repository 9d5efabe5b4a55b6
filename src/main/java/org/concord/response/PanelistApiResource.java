package org.concord.response;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.concord.response.PanelistViews.ResponseView;
import org.concord.response.PanelistViews.RoundPage;
import org.concord.response.PanelistViews.SaveRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The panelist's side as JSON, reached only through the personal link's token. The panelist pages
 * use the same service.
 */
@Path("/p/{token}/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Panelist", description = "Answering a round through a personal link")
public class PanelistApiResource {

  @Inject PanelistService service;

  @GET
  @Path("/round")
  @Operation(
      summary =
          "The round to answer: statements, feedback from the round before, my answers so far")
  public RoundPage round(
      @PathParam("token") String token,
      @Parameter(
              description =
                  "The language of the study's texts (en, cy); else the panelist's own, the"
                      + " browser's (Accept-Language), the study's. Each text says its language.")
          @QueryParam("lang")
          String lang,
      @Context HttpHeaders headers) {
    return service.page(token, lang, headers.getAcceptableLanguages());
  }

  @PUT
  @Path("/response")
  @Operation(
      summary = "Save any subset of answers and comments (a draft, or changes after submitting)")
  public ResponseView save(@PathParam("token") String token, @NotNull SaveRequest request) {
    return service.save(token, request);
  }

  @POST
  @Path("/response/submit")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Submit my answers to this round")
  public ResponseView submit(@PathParam("token") String token) {
    return service.submit(token);
  }

  @POST
  @Path("/withdraw")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Leave the study: no more emails; answers given so far are kept")
  public Response withdraw(@PathParam("token") String token) {
    service.withdraw(token);
    return Response.noContent().build();
  }
}
