package org.concord.results.betweenrounds;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.guidance.GuidanceService;
import org.concord.guidance.GuidanceViews.SectionView;
import org.concord.response.PanelistService;
import org.concord.response.RoundAnswers;
import org.concord.response.RoundAnswers.CommentView;
import org.concord.response.pages.FeedbackFragments;
import org.concord.response.pages.PanelistPreview;
import org.concord.results.ResultsPageViews.OutcomeShown;
import org.concord.results.ResultsService;
import org.concord.results.ResultsViews.ItemResultView;
import org.concord.results.betweenrounds.BetweenRoundsViews.AddForm;
import org.concord.results.betweenrounds.BetweenRoundsViews.Choice;
import org.concord.results.betweenrounds.BetweenRoundsViews.CommentChoice;
import org.concord.results.betweenrounds.BetweenRoundsViews.CommentRow;
import org.concord.results.betweenrounds.BetweenRoundsViews.LastRound;
import org.concord.results.betweenrounds.BetweenRoundsViews.PreparePage;
import org.concord.results.betweenrounds.BetweenRoundsViews.PrepareSection;
import org.concord.results.betweenrounds.BetweenRoundsViews.PrepareStatement;
import org.concord.results.betweenrounds.BetweenRoundsViews.ProposalPage;
import org.concord.results.betweenrounds.BetweenRoundsViews.ProposalRow;
import org.concord.results.betweenrounds.BetweenRoundsViews.ProposalSection;
import org.concord.results.betweenrounds.BetweenRoundsViews.Stopping;
import org.concord.results.betweenrounds.BetweenRoundsViews.Tally;
import org.concord.round.RoundService;
import org.concord.round.RoundState;
import org.concord.round.RoundViews.Fate;
import org.concord.round.RoundViews.ItemView;
import org.concord.round.RoundViews.ProposalView;
import org.concord.round.RoundViews.ProposedStatement;
import org.concord.round.RoundViews.RoundView;
import org.concord.round.RoundViews.StopView;
import org.concord.security.Role;
import org.concord.study.Eligibility;
import org.concord.study.Protocol;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * Between two rounds: the engine's proposal for the next round after one closes, the draft of that
 * round where the team rewords statements with the last round's comments beside them, adds
 * statements and releases comments, and a preview of exactly what a panelist will see. Opening the
 * round is the round dashboard's; the prepare page links there.
 *
 * <p>Reading the proposal and the preview is open to analysts; the prepare page shows every comment
 * with its release switch, the team's working material, so it is the coordinator's, as the API's
 * list of comments is.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class BetweenRoundsPages {

  /** As long as the API takes ({@code RoundResource}): a statement and a reason. */
  private static final int MAX_TEXT = 1000;

  private static final int MAX_REASON = 2000;

  /** How much of a comment the add-statement form quotes beside its checkbox. */
  private static final int QUOTE = 140;

  @CheckedTemplate(basePath = "results/betweenrounds")
  static class Templates {
    static native TemplateInstance proposal(Chrome chrome, ProposalPage page);

    static native TemplateInstance prepare(Chrome chrome, PreparePage page, FieldErrors errors);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject RoundService rounds;
  @Inject ResultsService results;
  @Inject RoundAnswers answers;
  @Inject GuidanceService guidance;
  @Inject PanelistService panelists;
  @Inject FeedbackFragments fragments;

  // ---- the proposal ----

  @GET
  @Path("/rounds/{id}/next")
  public TemplateInstance proposal(@PathParam("id") long id) {
    ProposalView proposal = rounds.proposal(id);
    Study study = studies.get(proposal.studyId());
    int next = proposal.number() + 1;
    Map<Long, ProposalSection> sections = new LinkedHashMap<>();
    long[] tally = new long[Fate.values().length];
    for (ProposedStatement s : proposal.statements()) {
      tally[s.fate().ordinal()]++;
      sections
          .computeIfAbsent(s.sectionId(), k -> new ProposalSection(s.section(), new ArrayList<>()))
          .rows()
          .add(new ProposalRow(s.text(), fate(s.fate()), badge(s.fate()), s.reason()));
    }
    String who =
        proposal.eligibility() == Eligibility.SUBMITTED_PREVIOUS_ROUND
            ? "The protocol invites the panelists who submitted round "
                + proposal.number()
                + " and have not withdrawn since"
            : "The protocol invites every panelist who has not withdrawn";
    ProposalPage page =
        new ProposalPage(
            proposal.roundId(),
            proposal.number(),
            next,
            proposal.nextRoundId(),
            List.copyOf(sections.values()),
            new Tally(
                tally[Fate.CARRIED.ordinal()],
                tally[Fate.RETIRED_IN.ordinal()],
                tally[Fate.RETIRED_OUT.ordinal()],
                tally[Fate.ADDED.ordinal()],
                tally[Fate.LEFT_OUT.ordinal()]),
            who
                + ": "
                + proposal.invited()
                + (proposal.invited() == 1 ? " panelist." : " panelists."),
            proposal.invited(),
            stopping(proposal.stop(), next, proposal.maximumRounds()));
    return Templates.proposal(
        console.chrome("Round " + next + " proposed", study.id, study.title, "rounds"), page);
  }

  @POST
  @Path("/rounds/{id}/next")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response build(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    RoundView next = rounds.next(id);
    return Console.seeOther(prepareAddress(next.id()) + "?done=built");
  }

  // ---- preparing the draft ----

  @GET
  @Path("/rounds/{id}/prepare")
  @RolesAllowed(Role.COORDINATOR)
  public TemplateInstance prepare(@PathParam("id") long id, @QueryParam("done") String done) {
    return prepare(id, FormInput.empty(), null, false, new FieldErrors(), notice(done));
  }

  @POST
  @Path("/rounds/{id}/prepare/items/{itemId}")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reword(
      @PathParam("id") long id,
      @PathParam("itemId") long itemId,
      MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    String textField = "text-" + itemId;
    String reasonField = "reason-" + itemId;
    String text = form.text(textField);
    if (text == null) {
      errors.add(textField, "Write the new wording of the statement.");
    } else if (text.length() > MAX_TEXT) {
      errors.add(textField, "The wording can have at most 1,000 characters.");
    }
    String reason = form.text(reasonField);
    if (reason != null && reason.length() > MAX_REASON) {
      errors.add(reasonField, "The reason can have at most 2,000 characters.");
    }
    if (errors.isEmpty()) {
      try {
        rounds.reword(id, itemId, text, reason);
        return Console.seeOther(prepareAddress(id) + "?done=reworded#statement-" + itemId);
      } catch (ConcordException.Invalid e) {
        errors.add(e, Map.of("text", textField, "reason", reasonField));
      }
    }
    return Response.status(400).entity(prepare(id, form, itemId, false, errors, null)).build();
  }

  @POST
  @Path("/rounds/{id}/prepare/statements")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addStatement(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
    FormInput form = new FormInput(fields);
    FieldErrors errors = new FieldErrors();
    Long sectionId = null;
    try {
      sectionId = form.text("new-section") == null ? null : Long.valueOf(form.get("new-section"));
    } catch (NumberFormatException e) {
      // refused below, as no section chosen
    }
    if (sectionId == null) {
      errors.add("new-section", "Choose the section the statement belongs to.");
    }
    String text = form.text("new-text");
    if (text == null) {
      errors.add("new-text", "Write the statement.");
    } else if (text.length() > MAX_TEXT) {
      errors.add("new-text", "A statement can have at most 1,000 characters.");
    }
    List<Long> commentIds = new ArrayList<>();
    for (String value : form.all("new-comments")) {
      try {
        commentIds.add(Long.valueOf(value.strip()));
      } catch (NumberFormatException e) {
        errors.add("new-comments", "Choose comments from the list.");
      }
    }
    if (errors.isEmpty()) {
      try {
        rounds.addStatement(id, sectionId, text, commentIds);
        return Console.seeOther(prepareAddress(id) + "?done=added");
      } catch (ConcordException.Invalid e) {
        errors.add(
            e,
            Map.of("sectionId", "new-section", "text", "new-text", "commentIds", "new-comments"));
      } catch (ConcordException.NotFound e) {
        errors.add("new-section", "Choose one of the study's sections.");
      }
    }
    return Response.status(400).entity(prepare(id, form, null, true, errors, null)).build();
  }

  @POST
  @Path("/rounds/{id}/prepare/comments/{commentId}")
  @RolesAllowed(Role.COORDINATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response release(
      @PathParam("id") long id,
      @PathParam("commentId") long commentId,
      MultivaluedMap<String, String> fields) {
    String released = new FormInput(fields).get("released");
    if (!released.equals("true") && !released.equals("false")) {
      throw ConcordException.invalid("released", "Release the comment or withhold it.");
    }
    answers.release(previous(draft(rounds.get(id))).id(), commentId, released.equals("true"));
    return Console.seeOther(
        prepareAddress(id)
            + (released.equals("true") ? "?done=released" : "?done=withheld")
            + "#comment-"
            + commentId);
  }

  // ---- the preview ----

  @GET
  @Path("/rounds/{id}/preview")
  public TemplateInstance preview(@PathParam("id") long id) {
    return previewSection(id, 1);
  }

  @GET
  @Path("/rounds/{id}/preview/sections/{n}")
  public TemplateInstance previewSection(@PathParam("id") long id, @PathParam("n") int n) {
    var page = panelists.preview(id);
    RoundView round = rounds.get(id);
    Protocol protocol = studies.get(round.studyId()).protocol;
    boolean preparing = round.state() == RoundState.DRAFT && round.number() > 1;
    String note =
        round.number() > 1 && protocol.showOwnPrevious
            ? "Each panelist also sees their own rating from round "
                + (round.number() - 1)
                + " beside the group's answer; a preview has no panelist, so it shows none."
            : "";
    return PanelistPreview.section(
        fragments,
        page,
        n,
        preparing ? prepareAddress(id) : "/console/rounds/" + id,
        preparing ? "Back to preparing round " + round.number() : "Back to round " + round.number(),
        note,
        section -> "/console/rounds/" + id + "/preview/sections/" + section);
  }

  // ---- the prepare page's model ----

  /**
   * The prepare page; {@code form} holds what was typed into the refused form: the reword form of
   * {@code formItem}, or the add-statement form when {@code addForm}.
   */
  private TemplateInstance prepare(
      long id, FormInput form, Long formItem, boolean addForm, FieldErrors errors, String notice) {
    RoundView round = draft(rounds.get(id));
    Study study = studies.get(round.studyId());
    Protocol protocol = study.protocol;
    RoundView previous = previous(round);
    Map<Long, ItemResultView> figures = new HashMap<>();
    for (ItemResultView r : results.results(previous.id()).items()) {
      figures.put(r.itemId(), r);
    }
    Map<Long, ItemView> previousItems = new HashMap<>();
    for (ItemView item : rounds.get(previous.id()).items()) {
      previousItems.put(item.id(), item);
    }
    Set<Long> carried = new HashSet<>();
    round.items().forEach(i -> carried.add(i.previousItemId()));
    List<CommentView> comments = comments(previous.id());
    Map<Long, List<CommentRow>> onItem = new HashMap<>();
    Map<Long, List<CommentRow>> retiredBySection = new HashMap<>();
    Map<Long, List<CommentRow>> onSection = new HashMap<>();
    Map<Long, String> sectionTitles = new LinkedHashMap<>();
    List<SectionView> sections =
        guidance.sections(study.id, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    sections.forEach(s -> sectionTitles.put(s.id(), s.title()));
    List<CommentChoice> choices = new ArrayList<>();
    Set<String> chosen = new HashSet<>(form.all("new-comments"));
    long released = 0;
    for (CommentView c : comments) {
      String on;
      if (c.itemId() != null) {
        ItemView item = previousItems.get(c.itemId());
        on = "Statement " + item.position() + ": " + quote(item.text());
        if (carried.contains(c.itemId())) {
          onItem.computeIfAbsent(c.itemId(), k -> new ArrayList<>()).add(row(c, null));
          released += c.released() ? 1 : 0;
        } else {
          retiredBySection
              .computeIfAbsent(item.sectionId(), k -> new ArrayList<>())
              .add(row(c, on));
        }
      } else {
        on = "Section: " + sectionTitles.getOrDefault(c.sectionId(), "");
        onSection.computeIfAbsent(c.sectionId(), k -> new ArrayList<>()).add(row(c, null));
      }
      choices.add(
          new CommentChoice(c.id(), quote(c.text()), on, chosen.contains(String.valueOf(c.id()))));
    }

    Map<Long, List<PrepareStatement>> statements = new LinkedHashMap<>();
    for (ItemView item : round.items()) {
      boolean refused = formItem != null && formItem.equals(item.id());
      String textField = "text-" + item.id();
      String reasonField = "reason-" + item.id();
      ItemResultView last =
          item.previousItemId() == null ? null : figures.get(item.previousItemId());
      statements
          .computeIfAbsent(item.sectionId(), k -> new ArrayList<>())
          .add(
              new PrepareStatement(
                  item.id(),
                  item.position(),
                  item.text(),
                  item.version(),
                  textField,
                  reasonField,
                  "New wording of statement " + item.position(),
                  "Reason for the change (optional)",
                  refused ? form.get(textField) : item.text(),
                  refused ? form.get(reasonField) : "",
                  refused,
                  last == null ? null : lastRound(last),
                  item.previousItemId() == null
                      ? List.of()
                      : onItem.getOrDefault(item.previousItemId(), List.of())));
    }
    List<PrepareSection> blocks = new ArrayList<>();
    for (SectionView s : sections) {
      List<PrepareStatement> in = statements.getOrDefault(s.id(), List.of());
      List<CommentRow> retired = retiredBySection.getOrDefault(s.id(), List.of());
      List<CommentRow> whole = onSection.getOrDefault(s.id(), List.of());
      if (!in.isEmpty() || !retired.isEmpty() || !whole.isEmpty()) {
        blocks.add(new PrepareSection(s.id(), s.title(), in, retired, whole));
      }
    }
    String sectionChosen = addForm ? form.get("new-section") : "";
    List<Choice> sectionChoices = new ArrayList<>();
    sectionChoices.add(new Choice("", "Choose a section", sectionChosen.isEmpty()));
    sections.forEach(
        s ->
            sectionChoices.add(
                new Choice(s.id().toString(), s.title(), s.id().toString().equals(sectionChosen))));
    PreparePage page =
        new PreparePage(
            round.id(),
            round.number(),
            previous.number(),
            previous.id(),
            blocks,
            round.items().size(),
            released,
            protocol.showComments,
            protocol.showOwnPrevious,
            stopping(round.stoppingRuleBeforeOpening(), round.number(), protocol.maximumRounds),
            new AddForm(sectionChoices, addForm ? form.get("new-text") : "", choices, addForm));
    Chrome chrome =
        console.chrome("Prepare round " + round.number(), study.id, study.title, "rounds");
    return Templates.prepare(notice == null ? chrome : chrome.withNotice(notice), page, errors);
  }

  /** The round, if it is a draft that statements may change in: round 2 or later. */
  private static RoundView draft(RoundView round) {
    if (round.state() != RoundState.DRAFT || round.number() == 1) {
      throw ConcordException.conflict(
          round.number() == 1
              ? "Round 1 is prepared from the guidance; statements change between rounds only."
              : "Round "
                  + round.number()
                  + " is "
                  + round.state().name().toLowerCase()
                  + ": its statements and released comments can no longer change.");
    }
    return round;
  }

  /** The round before this one, whose results and comments a draft is prepared from. */
  private RoundView previous(RoundView round) {
    return rounds.list(round.studyId()).stream()
        .filter(r -> r.number() == round.number() - 1)
        .findFirst()
        .orElseThrow(() -> ConcordException.notFound("Round", round.number() - 1));
  }

  /** Every comment of the round, read a page at a time as the API serves them. */
  private List<CommentView> comments(long roundId) {
    List<CommentView> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      Page<CommentView> batch =
          answers.comments(roundId, new PageRequest(page, PageRequest.MAX_SIZE));
      all.addAll(batch.items());
      if (batch.items().isEmpty() || all.size() >= batch.total()) {
        return all;
      }
    }
  }

  private static LastRound lastRound(ItemResultView r) {
    OutcomeShown outcome = OutcomeShown.of(r.outcome(), r.basis());
    return new LastRound(
        r.statistics().n(),
        r.statistics().median(),
        r.statistics().percentAgree(),
        outcome.label,
        outcome.badge,
        r.reason());
  }

  private static CommentRow row(CommentView c, String on) {
    return new CommentRow(c.id(), c.text(), c.group(), c.released(), on);
  }

  private static String quote(String text) {
    return text.length() <= QUOTE ? text : text.substring(0, QUOTE - 1).strip() + "…";
  }

  private static Stopping stopping(StopView stop, int number, int maximumRounds) {
    return new Stopping(
        stop != null && stop.stop(),
        stop == null ? null : stop.explanation(),
        number > maximumRounds,
        maximumRounds);
  }

  private static String fate(Fate fate) {
    return switch (fate) {
      case CARRIED -> "Rated again: no consensus";
      case RETIRED_IN -> "Retires: consensus in";
      case RETIRED_OUT -> "Retires: consensus out";
      case ADDED -> "Added: new in the guidance";
      case LEFT_OUT -> "Left out: removed from the guidance";
    };
  }

  private static String badge(Fate fate) {
    return switch (fate) {
      case RETIRED_IN -> "in";
      case RETIRED_OUT -> "out";
      default -> "none";
    };
  }

  private static String notice(String done) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "built" -> "The draft is built from the proposal. Reword, add and release below.";
      case "reworded" -> "The new wording is saved; panelists will rate it in this round.";
      case "added" -> "The statement is added to this round.";
      case "released" -> "The comment is released: panelists will see it, without a name.";
      case "withheld" -> "The comment is withheld: panelists will not see it.";
      default -> null;
    };
  }

  private static String prepareAddress(long roundId) {
    return "/console/rounds/" + roundId + "/prepare";
  }
}
