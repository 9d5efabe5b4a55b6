package org.concord.results;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.consensus.StoppingRule;
import org.concord.response.RoundAnswers;
import org.concord.response.RoundAnswers.CommentView;
import org.concord.results.ResultsPageViews.CommentRow;
import org.concord.results.ResultsPageViews.Filters;
import org.concord.results.ResultsPageViews.GroupRow;
import org.concord.results.ResultsPageViews.Option;
import org.concord.results.ResultsPageViews.OutcomeShown;
import org.concord.results.ResultsPageViews.RoundSummary;
import org.concord.results.ResultsPageViews.SectionBlock;
import org.concord.results.ResultsPageViews.StatementRow;
import org.concord.results.ResultsPageViews.Tally;
import org.concord.results.ResultsViews.GroupResultView;
import org.concord.results.ResultsViews.ItemResultView;
import org.concord.results.ResultsViews.ResultsView;
import org.concord.round.RoundService;
import org.concord.round.RoundState;
import org.concord.round.RoundViews.ItemView;
import org.concord.round.RoundViews.RoundView;
import org.concord.security.Role;
import org.concord.study.Protocol;
import org.concord.study.Study;
import org.concord.study.StudyService;
import org.concord.web.Chrome;
import org.concord.web.Console;

/**
 * A closed round's results in the console: per statement the figures, the outcome and its reason,
 * the distribution drawn, the groups, stability and the panelists' comments (without who wrote
 * them), read from the same stored results as the API. Filters are query parameters, so a filtered
 * view is a link to share.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.COORDINATOR, Role.ANALYST})
public class ResultsPages {

  @CheckedTemplate(basePath = "results")
  static class Templates {
    static native TemplateInstance results(
        Chrome chrome,
        RoundSummary round,
        Filters filters,
        List<SectionBlock> sections,
        long shown,
        String noResults);
  }

  @Inject Console console;
  @Inject StudyService studies;
  @Inject RoundService rounds;
  @Inject ResultsService results;
  @Inject RoundAnswers answers;

  @GET
  @Path("/studies/{id}/results")
  public TemplateInstance results(
      @PathParam("id") long id,
      @QueryParam("round") Integer roundNumber,
      @QueryParam("outcome") String outcome,
      @QueryParam("section") Long sectionId,
      @QueryParam("group") Long groupId,
      @QueryParam("divergent") boolean divergentOnly) {
    Study study = studies.get(id);
    Chrome chrome = console.chrome("Results", study.id, study.title, "results");
    List<RoundView> closed =
        rounds.list(id).stream().filter(r -> r.state() == RoundState.CLOSED).toList();
    if (closed.isEmpty()) {
      return Templates.results(
          chrome,
          null,
          null,
          List.of(),
          0,
          "No round has closed yet. Results appear here when a round closes.");
    }
    RoundView round =
        roundNumber == null
            ? closed.get(closed.size() - 1)
            : closed.stream()
                .filter(r -> r.number() == roundNumber)
                .findFirst()
                .orElseThrow(() -> ConcordException.notFound("Closed round", roundNumber));
    ResultsView view = results.results(round.id());
    Map<Long, ItemView> items = new HashMap<>();
    for (ItemView item : rounds.get(round.id()).items()) {
      items.put(item.id(), item);
    }
    Protocol protocol = study.protocol;
    OutcomeShown wanted = OutcomeShown.byKey(outcome);

    Map<Long, String> groupNames = new LinkedHashMap<>();
    view.items().forEach(i -> i.groups().forEach(g -> groupNames.put(g.groupId(), g.group())));
    String groupName = groupId == null ? null : groupNames.get(groupId);
    Long group = groupName == null ? null : groupId;

    List<CommentView> comments = comments(round.id());
    Map<Long, String> sectionTitles = new LinkedHashMap<>();
    for (ItemResultView item : view.items()) {
      ItemView i = items.get(item.itemId());
      sectionTitles.put(i.sectionId(), i.section());
    }
    Long section = sectionTitles.containsKey(sectionId) ? sectionId : null;

    long[] tally = new long[OutcomeShown.values().length];
    Map<Long, SectionBlock> blocks = new LinkedHashMap<>();
    long shown = 0;
    for (ItemResultView item : view.items()) {
      OutcomeShown overall = OutcomeShown.of(item.outcome(), item.basis());
      tally[overall.ordinal()]++;
      ItemView i = items.get(item.itemId());
      if ((wanted != null && overall != wanted)
          || (section != null && !section.equals(i.sectionId()))
          || (divergentOnly && !item.divergent())) {
        continue;
      }
      shown++;
      SectionBlock block =
          blocks.computeIfAbsent(
              i.sectionId(),
              s ->
                  new SectionBlock(
                      s,
                      i.section(),
                      new ArrayList<>(),
                      comments.stream()
                          .filter(c -> c.itemId() == null && s.equals(c.sectionId()))
                          .filter(c -> inGroup(c, groupName))
                          .map(ResultsPages::row)
                          .toList()));
      block.statements().add(statement(item, i, protocol, group, groupName, comments));
    }

    List<Option> roundOptions =
        closed.stream()
            .map(
                r ->
                    new Option(
                        Integer.toString(r.number()),
                        "Round " + r.number(),
                        r.number() == round.number()))
            .toList();
    List<Option> outcomeOptions = new ArrayList<>();
    outcomeOptions.add(new Option("", "All outcomes", wanted == null));
    for (OutcomeShown o : OutcomeShown.values()) {
      outcomeOptions.add(new Option(o.key, o.label, o == wanted));
    }
    List<Option> sectionOptions = new ArrayList<>();
    sectionOptions.add(new Option("", "All sections", section == null));
    sectionTitles.forEach(
        (sid, title) -> sectionOptions.add(new Option(sid.toString(), title, sid.equals(section))));
    List<Option> groupOptions = new ArrayList<>();
    groupOptions.add(new Option("", "Whole panel", group == null));
    groupNames.forEach(
        (gid, name) -> groupOptions.add(new Option(gid.toString(), name, gid.equals(group))));

    StoppingRule.Reason verdict = view.stopVerdict();
    RoundSummary summary =
        new RoundSummary(
            view.roundId(),
            view.number(),
            view.rule(),
            verdict(verdict),
            verdict != null && verdict != StoppingRule.Reason.CONTINUE,
            view.stopReason(),
            view.invited(),
            view.submitted(),
            view.belowMinimumReason(),
            new Tally(
                tally[OutcomeShown.IN.ordinal()],
                tally[OutcomeShown.OUT.ordinal()],
                tally[OutcomeShown.NONE.ordinal()],
                tally[OutcomeShown.FEW.ordinal()],
                view.items().size()));
    return Templates.results(
        chrome,
        summary,
        new Filters(
            roundOptions,
            outcomeOptions,
            sectionOptions,
            groupOptions,
            groupName,
            divergentOnly,
            wanted != null || section != null || group != null || divergentOnly),
        List.copyOf(blocks.values()),
        shown,
        view.items().isEmpty() ? "This round had no statements to rate." : null);
  }

  private static StatementRow statement(
      ItemResultView item,
      ItemView i,
      Protocol protocol,
      Long group,
      String groupName,
      List<CommentView> comments) {
    OutcomeShown overall = OutcomeShown.of(item.outcome(), item.basis());
    GroupResultView chosen =
        group == null
            ? null
            : item.groups().stream()
                .filter(g -> Objects.equals(g.groupId(), group))
                .findFirst()
                .orElse(null);
    var figures = chosen == null ? item.statistics() : chosen.statistics();
    return new StatementRow(
        item.itemId(),
        i.position(),
        item.text(),
        chosen == null ? null : chosen.group(),
        figures,
        chosen == null ? overall : OutcomeShown.of(chosen.outcome(), chosen.basis()),
        chosen == null ? item.reason() : chosen.reason(),
        overall,
        item.divergent(),
        protocol.everyGroupRequired,
        item.groups().stream()
            .map(
                g ->
                    new GroupRow(
                        g.group(),
                        g.statistics(),
                        OutcomeShown.of(g.outcome(), g.basis()),
                        g.reason(),
                        g.required()))
            .toList(),
        item.stability(),
        item.stability() != null && item.stability().stable(),
        protocol.stabilityThreshold,
        ResultsPageViews.chart(
            "chart-" + item.itemId(),
            figures.counts(),
            protocol.scale(),
            protocol.scaleLabels,
            chosen == null ? "whole panel" : chosen.group()),
        comments.stream()
            .filter(c -> item.itemId().equals(c.itemId()))
            .filter(c -> inGroup(c, groupName))
            .map(ResultsPages::row)
            .toList());
  }

  private static boolean inGroup(CommentView c, String groupName) {
    return groupName == null || groupName.equals(c.group());
  }

  private static CommentRow row(CommentView c) {
    return new CommentRow(c.text(), c.group(), c.released());
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

  private static String verdict(StoppingRule.Reason reason) {
    if (reason == null) {
      return "The stopping rule was not recorded for this round.";
    }
    return switch (reason) {
      case MAXIMUM_ROUNDS -> "Stop: the maximum number of rounds is reached.";
      case ALL_DECIDED -> "Stop: every statement reached consensus in or out.";
      case ALL_STABLE -> "Stop: the statements without consensus are stable.";
      case CONTINUE -> "Continue: another round may follow.";
    };
  }
}
