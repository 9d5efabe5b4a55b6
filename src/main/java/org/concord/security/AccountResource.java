package org.concord.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR)
@Tag(name = "Accounts", description = "Study-team accounts and their roles")
public class AccountResource {

  @Inject AccountService service;

  public record CreateAccountRequest(
      @NotBlank @Email String email, @NotNull String password, @NotBlank String role) {}

  public record AccountView(Long id, String email, String role, Instant createdAt) {
    static AccountView of(Account account) {
      return new AccountView(account.id, account.email, account.role, account.createdAt);
    }
  }

  @GET
  @Path("/accounts")
  @Operation(summary = "List study-team accounts")
  public Page<AccountView> list(@BeanParam PageRequest page) {
    return service.list(page.checked()).map(AccountView::of);
  }

  @POST
  @Path("/accounts")
  @Operation(summary = "Create a study-team account (coordinator or analyst)")
  public Response create(@Valid @NotNull CreateAccountRequest request) {
    Account account = service.create(request.email(), request.password(), request.role());
    return Response.status(201).entity(AccountView.of(account)).build();
  }

  public record RoleRequest(@NotBlank String role) {}

  public record PasswordRequest(@NotNull String password) {}

  @PUT
  @Path("/accounts/{id}/role")
  @Operation(summary = "Change a member's role; the team always keeps a coordinator")
  public AccountView changeRole(@PathParam("id") long id, @Valid @NotNull RoleRequest request) {
    return AccountView.of(service.changeRole(id, request.role()));
  }

  @PUT
  @Path("/accounts/{id}/password")
  @Operation(summary = "Set a member's password, for one who has forgotten theirs")
  public AccountView setPassword(
      @PathParam("id") long id, @Valid @NotNull PasswordRequest request) {
    return AccountView.of(service.setPassword(id, request.password()));
  }

  @DELETE
  @Path("/accounts/{id}")
  @Operation(summary = "Remove a member: their sign-in and sessions stop at once")
  public Response remove(@PathParam("id") long id, @Context SecurityContext context) {
    service.remove(id, context.getUserPrincipal().getName());
    return Response.noContent().build();
  }

  @GET
  @Path("/accounts/me")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Operation(summary = "The account signed in")
  public AccountView me(@Context SecurityContext context) {
    return service
        .find(context.getUserPrincipal().getName())
        .map(AccountView::of)
        .orElseThrow(() -> ConcordException.notFound("Account", "signed in"));
  }
}
