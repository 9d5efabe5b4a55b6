package org.concord.round;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordException;
import org.concord.round.RoundPageViews.Dashboard;
import org.concord.round.RoundPageViews.ProgressJson;
import org.concord.round.RoundPageViews.RoundRow;
import org.concord.round.RoundRepository.Tally;
import org.concord.round.RoundViews.ProgressView;
import org.concord.round.RoundViews.RoundSettings;
import org.concord.round.RoundViews.RoundView;
import org.concord.round.RoundViews.StopView;
import org.concord.security.Role;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * The console's rounds: a study's list of rounds with the form that creates round 1, and each
 * round's dashboard: its schedule and opening while a draft, its progress, reminders and closing
 * while open, its figures once closed. Every change goes through {@link RoundService} or {@link
 * RoundMonitor}, as the API's do.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class RoundPages {

  /** What a {@code datetime-local} field sends and shows; the console reads it in UTC. */
  static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private static final int MESSAGE_LENGTH = 4000;
  private static final int REASON_LENGTH = 2000;

  @CheckedTemplate(basePath = "round")
  static class Templates {
    static native TemplateInstance rounds(
        Chrome chrome,
        List<RoundRow> rounds,
        boolean creatable,
        FormInput form,
        FieldErrors errors);

    static native TemplateInstance dashboard(
        Chrome chrome, Dashboard round, FormInput form, FieldErrors errors, String expanded);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject RoundService service;
  @Inject RoundMonitor monitor;
  @Inject Instance<LateSaveCount> lateSaves;

  @GET
  @Path("/studies/{id}/rounds")
  public TemplateInstance rounds(@PathParam("id") long studyId) {
    return roundsPage(studyId, FormInput.empty(), new FieldErrors());
  }

  @POST
  @Path("/studies/{id}/rounds")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createFirst(
      @PathParam("id") long studyId, MultivaluedMap<String, String> fields) {
    studies.get(studyId);
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    Schedule schedule = schedule(form, errors);
    if (errors.isEmpty()) {
      try {
        RoundView round =
            service.createFirst(
                studyId,
                new RoundSettings(
                    schedule.closesAt(), schedule.reminderDays(), null, schedule.message()));
        return Console.seeOther("/console/rounds/" + round.id() + "?done=created");
      } catch (ConcordException.Invalid | ConcordException.Conflict e) {
        errors.add(e);
      }
    }
    return Response.status(400).entity(roundsPage(studyId, form, errors)).build();
  }

  @GET
  @Path("/rounds/{id}")
  public TemplateInstance dashboard(
      @PathParam("id") long roundId,
      @QueryParam("done") String done,
      @QueryParam("queued") int queued,
      @QueryParam("atCap") int atCap) {
    Dashboard round = dashboardOf(roundId);
    Chrome chrome = chrome(round);
    String notice = notice(done, round, queued, atCap);
    return Templates.dashboard(
        notice == null ? chrome : chrome.withNotice(notice),
        round,
        new FormInput(scheduleForm(round)),
        new FieldErrors(),
        null);
  }

  /** The progress as the dashboard's script reads it, every few seconds while the round is open. */
  @GET
  @Path("/rounds/{id}/progress.json")
  @Produces(MediaType.APPLICATION_JSON)
  public ProgressJson progress(@PathParam("id") long roundId) {
    RoundView round = service.get(roundId);
    ProgressView progress = monitor.progress(roundId);
    return new ProgressJson(
        round.state(), RoundPageViews.summary(progress.overall()), RoundPageViews.lines(progress));
  }

  @POST
  @Path("/rounds/{id}/schedule")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response schedule(@PathParam("id") long roundId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    Schedule schedule = schedule(form, errors);
    if (errors.isEmpty()) {
      try {
        service.schedule(roundId, schedule.closesAt(), schedule.reminderDays(), schedule.message());
        return Console.seeOther("/console/rounds/" + roundId + "?done=scheduled");
      } catch (ConcordException.Invalid | ConcordException.Conflict e) {
        errors.add(e);
      }
    }
    return refused(roundId, form, errors, "schedule");
  }

  @POST
  @Path("/rounds/{id}/open")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response open(@PathParam("id") long roundId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    Dashboard round = dashboardOf(roundId);
    String reason = form.text("overrideReason");
    if (round.overrideWhy() != null && reason == null) {
      errors.add(
          "overrideReason",
          "Give the reason for opening round "
              + round.number()
              + " against the protocol; it is written to the audit log and the report.");
    } else if (reason != null && reason.length() > REASON_LENGTH) {
      errors.add("overrideReason", "At most 2,000 characters.");
    }
    if (errors.isEmpty()) {
      try {
        service.open(roundId, round.overrideWhy() == null ? null : reason, console.user());
        return Console.seeOther("/console/rounds/" + roundId + "?done=opened");
      } catch (ConcordException.Invalid e) {
        // a closing time in the past is the schedule's field; the protocol's are on its own page
        if (e.problem().errors() != null
            && e.problem().errors().stream().anyMatch(f -> "closesAt".equals(f.field()))) {
          errors.add(e);
        } else {
          errors.add(FieldErrors.FORM, e.getMessage());
        }
      } catch (ConcordException.Conflict e) {
        errors.add(e);
      }
    }
    return refused(roundId, form, errors, "open");
  }

  @POST
  @Path("/rounds/{id}/remind")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response remind(@PathParam("id") long roundId) {
    try {
      RoundMonitor.ReminderSummary sent = monitor.remindNow(roundId);
      return Console.seeOther(
          "/console/rounds/"
              + roundId
              + "?done=reminded&queued="
              + sent.queued()
              + "&atCap="
              + sent.atCap());
    } catch (ConcordException.Conflict e) {
      return refused(roundId, FormInput.empty(), new FieldErrors().add(e), "remind");
    }
  }

  @POST
  @Path("/rounds/{id}/close")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response close(@PathParam("id") long roundId, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    Dashboard round = dashboardOf(roundId);
    String reason = form.text("reason");
    if (round.open() && round.belowMinimum() && reason == null) {
      errors.add(
          "reason",
          "Below the minimum response of "
              + round.minimumResponse()
              + "%, say why the round closes now; the reason goes to the audit log and the"
              + " report.");
    } else if (reason != null && reason.length() > REASON_LENGTH) {
      errors.add("reason", "At most 2,000 characters.");
    }
    if (errors.isEmpty()) {
      try {
        service.close(roundId, reason, console.user());
        return Console.seeOther("/console/rounds/" + roundId + "?done=closed");
      } catch (ConcordException.Invalid | ConcordException.Conflict e) {
        errors.add(e);
      }
    }
    return refused(roundId, form, errors, "close");
  }

  private TemplateInstance roundsPage(long studyId, FormInput form, FieldErrors errors) {
    Study study = studies.get(studyId);
    List<RoundView> rounds = service.list(studyId);
    Map<Long, Tally> tallies = monitor.tallies(studyId);
    List<RoundRow> rows =
        rounds.stream()
            .map(
                r -> {
                  Tally tally = tallies.getOrDefault(r.id(), new Tally(0, 0));
                  return new RoundRow(
                      r.id(),
                      r.number(),
                      r.state(),
                      r.openedAt(),
                      r.closesAt(),
                      r.closedAt(),
                      tally.invited(),
                      tally.submitted());
                })
            .toList();
    return Templates.rounds(
        console.chrome("Rounds", study.id, study.title, "rounds"),
        rows,
        rounds.isEmpty(),
        form,
        errors);
  }

  /** The dashboard again, 400, with the errors and the form that was sent open. */
  private Response refused(long roundId, FormInput typed, FieldErrors errors, String expanded) {
    Dashboard round = dashboardOf(roundId);
    FormInput form = typed;
    if (!expanded.equals("schedule")) {
      MultivaluedMap<String, String> fields = scheduleForm(round);
      fields.putSingle("overrideReason", typed.get("overrideReason"));
      fields.putSingle("reason", typed.get("reason"));
      form = new FormInput(fields);
    }
    return Response.status(400)
        .entity(Templates.dashboard(chrome(round), round, form, errors, expanded))
        .build();
  }

  private Chrome chrome(Dashboard round) {
    Study study = studies.get(round.studyId());
    return console.chrome("Round " + round.number(), study.id, study.title, "rounds");
  }

  private Dashboard dashboardOf(long roundId) {
    RoundView round = service.get(roundId);
    Study study = studies.get(round.studyId());
    List<RoundView> all = service.list(study.id);
    RoundView last = all.get(all.size() - 1);
    Long nextRoundId =
        all.stream()
            .filter(r -> r.number() == round.number() + 1)
            .map(RoundView::id)
            .findFirst()
            .orElse(null);
    int minimum = study.protocol.minimumResponsePercent;
    String overrideWhy = null;
    long invitees = 0;
    if (round.state() == RoundState.DRAFT) {
      invitees = service.invitees(roundId);
      StopView stop = round.stoppingRuleBeforeOpening();
      if (round.number() > study.protocol.maximumRounds) {
        overrideWhy = "The protocol allows at most " + study.protocol.maximumRounds + " rounds.";
      } else if (stop != null && stop.stop()) {
        overrideWhy = stop.explanation();
      }
    }
    String summary = null;
    List<RoundPageViews.ProgressLine> lines = List.of();
    RoundMonitor.ReminderOutlook reminders = null;
    boolean belowMinimum = false;
    if (round.state() != RoundState.DRAFT) {
      ProgressView progress = monitor.progress(roundId);
      summary = RoundPageViews.summary(progress.overall());
      lines = RoundPageViews.lines(progress);
      long invited = progress.overall().invited();
      belowMinimum = 100 * progress.overall().submitted() < (long) minimum * invited;
    }
    if (round.state() == RoundState.OPEN) {
      reminders = monitor.reminderOutlook(roundId);
    }
    RoundMonitor.Closing closing =
        round.state() == RoundState.CLOSED ? monitor.closing(roundId) : null;
    long late =
        round.state() == RoundState.CLOSED && lateSaves.isResolvable()
            ? lateSaves.get().of(roundId)
            : 0;
    return new Dashboard(
        round.id(),
        study.id,
        round.number(),
        round.state(),
        round.openedAt(),
        round.closesAt(),
        round.closedAt(),
        round.reminderDays(),
        round.personalMessage(),
        round.items().size(),
        study.protocolLockedAt != null,
        invitees,
        overrideWhy,
        summary,
        lines,
        reminders,
        minimum,
        belowMinimum,
        closing == null ? null : closing.invited(),
        closing == null ? null : closing.submitted(),
        closing == null ? null : closing.belowMinimumReason(),
        round.stopReason(),
        last.id().equals(round.id()),
        nextRoundId,
        late);
  }

  private static String notice(String done, Dashboard round, int queued, int atCap) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "created" ->
          "Round " + round.number() + " is created as a draft. Check its schedule, then open it.";
      case "scheduled" -> "The schedule is saved.";
      case "opened" ->
          "Round "
              + round.number()
              + " is open. Invitations to "
              + (round.progress().isEmpty() ? 0 : round.progress().get(0).invited())
              + " panelists are queued; they go out within a minute.";
      case "reminded" ->
          queued == 0
              ? "No reminder went out: everyone invited has submitted, withdrawn or had the most"
                  + " reminders allowed."
              : "Reminders are queued for "
                  + queued
                  + (queued == 1 ? " panelist." : " panelists.")
                  + (atCap > 0
                      ? " "
                          + atCap
                          + (atCap == 1 ? " panelist has" : " panelists have")
                          + " had the most reminders allowed and got none."
                      : "");
      case "closed" -> "Round " + round.number() + " is closed and its results are stored.";
      default -> null;
    };
  }

  /** The schedule form's fields as the round has them, the closing time in UTC. */
  private static MultivaluedMap<String, String> scheduleForm(Dashboard round) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    form.putSingle(
        "closesAt",
        round.closesAt() == null
            ? ""
            : LOCAL_INPUT.format(round.closesAt().atZone(ZoneOffset.UTC)));
    form.putSingle("reminderDays", round.reminderDays());
    form.putSingle("personalMessage", round.personalMessage());
    return form;
  }

  /** A schedule as typed: the closing time read in UTC, reminder days, a personal message. */
  record Schedule(Instant closesAt, String reminderDays, String message) {}

  static Schedule schedule(FormInput form, FieldErrors errors) {
    Instant closesAt = null;
    String typed = form.get("closesAt");
    if (!typed.isEmpty()) {
      try {
        // a browser without a date-and-time picker sends what was typed: "2026-12-20 17:00"
        closesAt = LocalDateTime.parse(typed.replaceFirst(" ", "T")).toInstant(ZoneOffset.UTC);
        if (!closesAt.isAfter(Instant.now())) {
          errors.add(
              "closesAt", "The closing time is in the past. Choose a later date and time (UTC).");
        }
      } catch (DateTimeParseException e) {
        errors.add(
            "closesAt",
            "Enter the closing date and time as year-month-day and hours:minutes, such as"
                + " 2026-12-20 17:00 (UTC).");
      }
    }
    String days = form.get("reminderDays");
    try {
      RoundService.reminderDays(days);
    } catch (ConcordException.Invalid e) {
      errors.add(e);
    }
    String message = form.text("personalMessage");
    if (message != null && message.length() > MESSAGE_LENGTH) {
      errors.add("personalMessage", "At most 4,000 characters.");
    }
    return new Schedule(closesAt, days, message);
  }
}
