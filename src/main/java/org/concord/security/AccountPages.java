package org.concord.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.concord.common.ConcordConfig;
import org.concord.common.ConcordException;
import org.concord.common.PageRequest;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * Signing in and out of the console, one's own password, and the team's accounts. The sign-in form
 * posts to the form mechanism ({@code /j_security_check}), which checks the password as the API
 * does ({@link AccountIdentityProvider}, with its lockout) and sets the encrypted session cookie.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

  @CheckedTemplate(basePath = "security")
  static class Templates {
    static native TemplateInstance login(
        Chrome chrome, boolean failed, boolean locked, boolean signedOut, String lockout);

    static native TemplateInstance account(
        Chrome chrome, FormInput form, FieldErrors errors, String role);

    static native TemplateInstance accounts(
        Chrome chrome, List<Account> accounts, FormInput form, FieldErrors errors);

    static native TemplateInstance member(
        Chrome chrome, Account member, boolean self, FieldErrors errors);
  }

  private static final String SESSION_COOKIE = "concord-session";

  @Inject Console console;
  @Inject AccountService accounts;
  @Inject ConcordConfig config;

  @GET
  @Path("/login")
  @PermitAll
  public TemplateInstance login(
      @QueryParam("failed") boolean failed,
      @QueryParam("locked") boolean locked,
      @QueryParam("signed-out") boolean signedOut) {
    String lockout =
        config.lockout().maxFailures()
            + " wrong passwords in a row lock the account for "
            + config.lockout().duration().toMinutes()
            + " minutes.";
    return Templates.login(console.chrome("Sign in"), failed, locked, signedOut, lockout);
  }

  @POST
  @Path("/logout")
  @PermitAll
  public Response logout() {
    return Response.seeOther(URI.create("/console/login?signed-out=true"))
        .cookie(
            new NewCookie.Builder(SESSION_COOKIE)
                .value("")
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build())
        .build();
  }

  @GET
  @Path("/account")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  public TemplateInstance account(@QueryParam("done") boolean done) {
    Chrome chrome = console.chrome("Your account");
    return Templates.account(
        done ? chrome.withNotice("Your password is changed.") : chrome,
        FormInput.empty(),
        new FieldErrors(),
        role());
  }

  @POST
  @Path("/account")
  @RolesAllowed({Role.COORDINATOR, Role.ANALYST})
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePassword(MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    if (!form.get("password").equals(form.get("repeat"))) {
      errors.add("repeat", "The two new passwords differ.");
    } else {
      try {
        accounts.changePassword(console.user(), form.get("current"), form.get("password"));
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      }
    }
    if (!errors.isEmpty()) {
      return Response.status(400)
          .entity(
              Templates.account(console.chrome("Your account"), FormInput.empty(), errors, role()))
          .build();
    }
    return Console.seeOther("/console/account?done=true");
  }

  @GET
  @Path("/accounts")
  @RolesAllowed(Role.COORDINATOR)
  public TemplateInstance team(
      @QueryParam("created") boolean created, @QueryParam("removed") boolean removed) {
    Chrome chrome = console.chrome("Team");
    if (created) {
      chrome = chrome.withNotice("The account is created; give its password in person.");
    } else if (removed) {
      chrome = chrome.withNotice("The account is removed; its sessions have ended.");
    }
    return Templates.accounts(chrome, team(), FormInput.empty(), new FieldErrors());
  }

  @POST
  @Path("/accounts")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createAccount(MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String email = form.get("email");
    if (!email.matches("[^@\\s]+@[^@\\s]+")) {
      errors.add("email", "Enter an email address, such as name@example.org.");
    } else {
      try {
        accounts.create(email, form.get("password"), form.get("role"));
        return Console.seeOther("/console/accounts?created=true");
      } catch (ConcordException.Invalid e) {
        errors.add(e);
      } catch (ConcordException.Conflict e) {
        errors.add("email", e.getMessage());
      }
    }
    return Response.status(400)
        .entity(
            Templates.accounts(
                console.chrome("Team"), team(), withoutPassword(form, fields), errors))
        .build();
  }

  @GET
  @Path("/accounts/{id}")
  @RolesAllowed(Role.COORDINATOR)
  public TemplateInstance member(@PathParam("id") long id, @QueryParam("done") String done) {
    Account member = accounts.get(id);
    Chrome chrome = console.chrome(member.email);
    if ("role".equals(done)) {
      chrome = chrome.withNotice("The role is changed.");
    } else if ("password".equals(done)) {
      chrome = chrome.withNotice("The password is set; give it to them in person.");
    }
    return Templates.member(chrome, member, isSelf(member), new FieldErrors());
  }

  @POST
  @Path("/accounts/{id}/role")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changeRole(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    return memberChange(
        id,
        () -> accounts.changeRole(id, new FormInput(fields).get("role")),
        "/console/accounts/" + id + "?done=role");
  }

  @POST
  @Path("/accounts/{id}/password")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setPassword(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    return memberChange(
        id,
        () -> accounts.setPassword(id, new FormInput(fields).get("password")),
        "/console/accounts/" + id + "?done=password");
  }

  @POST
  @Path("/accounts/{id}/remove")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response remove(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    return memberChange(
        id, () -> accounts.remove(id, console.user()), "/console/accounts?removed=true");
  }

  /** A change to one member; a refusal comes back to their page with the reason. */
  private Response memberChange(long id, Runnable change, String done) {
    FieldErrors errors = new FieldErrors();
    try {
      change.run();
      return Console.seeOther(done);
    } catch (ConcordException.Invalid e) {
      errors.add(e);
    } catch (ConcordException.Conflict e) {
      errors.add(FieldErrors.FORM, e.getMessage());
    }
    Account member = accounts.get(id);
    return Response.status(400)
        .entity(Templates.member(console.chrome(member.email), member, isSelf(member), errors))
        .build();
  }

  private boolean isSelf(Account member) {
    return member.email.equals(AccountService.normaliseEmail(console.user()));
  }

  private static FormInput withoutPassword(FormInput form, MultivaluedMap<String, String> fields) {
    fields.remove("password");
    return new FormInput(fields);
  }

  private List<Account> team() {
    return accounts.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
  }

  private String role() {
    return accounts.find(console.user()).map(a -> a.role).orElse("");
  }
}
