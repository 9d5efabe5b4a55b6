package org.concord.operations;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.concord.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations an administrator runs on a live installation (README "Operations"). */
@Path("/api/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Operations", description = "Backups of the H2 file database")
public class BackupResource {

  @Inject DatabaseBackup backups;

  @POST
  @Operation(
      summary = "Back up the H2 file database now",
      description =
          "Writes a consistent zip of the database into the backup directory on the server"
              + " (concord.backup.directory), owner-only, named by its UTC time, while Concord goes"
              + " on serving. Written to every study's audit trail. 409 when the database is not"
              + " an H2 file (PostgreSQL has its own tools). Restore with bin/concord restore,"
              + " with Concord stopped.")
  public Response backUp(@Context SecurityContext context) {
    DatabaseBackup.Backup backup = backups.backUp(context.getUserPrincipal().getName());
    return Response.status(201).entity(backup).build();
  }
}
