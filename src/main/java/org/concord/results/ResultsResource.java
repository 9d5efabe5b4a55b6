package org.concord.results;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.concord.results.ResultsViews.ResultsView;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
@Tag(name = "Rounds", description = "Open, watch, remind, close, review and build the next round")
public class ResultsResource {

  @Inject ResultsService service;

  @GET
  @Path("/rounds/{id}/results")
  @Operation(
      summary =
          "A closed round's results per statement and group: outcome with its basis and reason,"
              + " statistics at full precision, stability against the round before")
  public ResultsView results(@PathParam("id") long roundId) {
    return service.results(roundId);
  }
}
