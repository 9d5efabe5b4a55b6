package org.concord.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concord.consensus.Outcome;
import org.concord.guidance.StatementVersion;
import org.concord.report.ReportViews.FinalList;
import org.concord.report.ReportViews.FinalStatement;
import org.concord.report.ReportViews.GroupCount;
import org.concord.report.ReportViews.GroupParticipation;
import org.concord.report.ReportViews.Method;
import org.concord.report.ReportViews.Panel;
import org.concord.report.ReportViews.ProtocolChange;
import org.concord.report.ReportViews.ReleasedComment;
import org.concord.report.ReportViews.Report;
import org.concord.report.ReportViews.RoundParticipation;
import org.concord.report.ReportViews.RoundResults;
import org.concord.report.ReportViews.Rounding;
import org.concord.report.ReportViews.Software;
import org.concord.report.ReportViews.StatementFlow;
import org.concord.report.ReportViews.StatementFlowRound;
import org.concord.report.ReportViews.Wording;
import org.concord.report.html.ReportFormat;
import org.concord.response.ResponseComment;
import org.concord.results.ResultsService;
import org.concord.results.ResultsViews.ItemResultView;
import org.concord.results.ResultsViews.ResultsView;
import org.concord.round.Round;
import org.concord.round.RoundChange;
import org.concord.round.RoundRepository;
import org.concord.round.RoundRepository.ProgressRow;
import org.concord.round.RoundState;
import org.concord.study.AuditLog;
import org.concord.study.Protocol;
import org.concord.study.ProtocolSettings;
import org.concord.study.Study;
import org.concord.study.StudyRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the consensus report from the study's record: the stored results of every closed round
 * (never re-computed), participation, the protocol and its changes. The sensitivity table is the
 * one place where other rules are applied, to the stored histograms, and it never decides.
 */
@ApplicationScoped
public class ReportService {

  private static final Set<String> PROTOCOL_ACTIONS =
      Set.of(
          "protocol-locked",
          "protocol-changed",
          "stopping-rule-overridden",
          "closed-below-minimum-response");

  @Inject StudyRepository studies;
  @Inject RoundRepository rounds;
  @Inject ResultsService results;
  @Inject ReportRepository report;
  @Inject AuditLog audit;
  @Inject AttritionBias attritionBias;

  @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
  String version;

  @Transactional
  public Report build(long studyId) {
    Study study = studies.require(studyId);
    Protocol protocol = study.protocol;
    List<Round> opened = rounds.ofStudy(studyId).stream().filter(r -> r.openedAt != null).toList();
    List<Round> closed = opened.stream().filter(r -> r.state == RoundState.CLOSED).toList();
    Map<Integer, ResultsView> resultsByRound = new LinkedHashMap<>();
    for (Round round : closed) {
      resultsByRound.put(round.number, results.results(round.id));
    }
    Round last = closed.isEmpty() ? null : closed.get(closed.size() - 1);
    String stoppedBy =
        last == null || last.stopReason == null
            ? null
            : "after round " + last.number + ", the stopping rule said: " + last.stopReason;
    List<StatementVersion> versions = report.versions(studyId);
    return new Report(
        study.title,
        study.description,
        new Software("Concord", version),
        Instant.now(),
        new Method(
            MethodText.paragraphs(protocol, closed.size(), stoppedBy),
            ProtocolSettings.of(protocol),
            stoppedBy),
        protocolChanges(studyId),
        Checklist.guidelines(),
        panel(studyId),
        participation(studyId, opened),
        statementFlow(studyId, closed, resultsByRound),
        resultsByRound.values().stream()
            .map(r -> new RoundResults(r.number(), r.rule(), r.items()))
            .toList(),
        Sensitivity.rows(protocol, resultsByRound.values()),
        Sensitivity.alternatives(protocol).stream().map(Sensitivity.Alternative::name).toList(),
        attritionBias.check(protocol, closed, resultsByRound),
        finalList(versions, resultsByRound),
        comments(studyId),
        new Rounding(
            ReportFormat.PERCENT_DECIMALS,
            ReportFormat.STATISTIC_DECIMALS,
            ReportFormat.P_DECIMALS));
  }

  private List<ProtocolChange> protocolChanges(long studyId) {
    return audit.of(studyId).stream()
        .filter(e -> PROTOCOL_ACTIONS.contains(e.action))
        .map(e -> new ProtocolChange(e.createdAt, e.actor, e.action, e.detail))
        .toList();
  }

  private Panel panel(long studyId) {
    List<GroupCount> groups =
        report.panelComposition(studyId).stream()
            .map(g -> new GroupCount(g.group(), g.panelists(), g.withdrawn()))
            .toList();
    return new Panel(
        groups.stream().mapToLong(GroupCount::panelists).sum(),
        groups.stream().mapToLong(GroupCount::withdrawn).sum(),
        groups);
  }

  private List<RoundParticipation> participation(long studyId, List<Round> opened) {
    Map<Long, Long> delivered = new HashMap<>();
    report.deliveredInvitations(studyId).forEach(r -> delivered.put(r.roundId(), r.count()));
    List<RoundParticipation> out = new ArrayList<>();
    Map<String, Long> roundOneByGroup = new HashMap<>();
    long roundOneInvited = 0;
    for (Round round : opened) {
      List<ProgressRow> rows = rounds.progress(round.id);
      if (round.number == 1) {
        for (ProgressRow row : rows) {
          roundOneByGroup.put(row.group(), row.invited());
          roundOneInvited += row.invited();
        }
      }
      long invited = 0;
      long opens = 0;
      long started = 0;
      long submitted = 0;
      List<GroupParticipation> groups = new ArrayList<>();
      for (ProgressRow row : rows) {
        invited += row.invited();
        opens += row.opened();
        started += row.inProgress() + row.submitted();
        submitted += row.submitted();
        Long first = roundOneByGroup.get(row.group());
        groups.add(
            new GroupParticipation(
                row.group(),
                row.invited(),
                row.submitted(),
                first,
                percent(row.submitted(), first)));
      }
      out.add(
          new RoundParticipation(
              round.number,
              round.state.name(),
              round.openedAt,
              round.closesAt,
              round.closedAt,
              invited,
              delivered.getOrDefault(round.id, 0L),
              opens,
              started,
              submitted,
              percent(submitted, invited),
              percent(submitted, roundOneInvited),
              round.belowMinimumReason,
              round.overrideReason,
              round.stopVerdict == null ? null : round.stopVerdict.name(),
              round.stopReason,
              groups));
    }
    return out;
  }

  private StatementFlow statementFlow(
      long studyId, List<Round> closed, Map<Integer, ResultsView> resultsByRound) {
    Map<Integer, Map<RoundChange.Kind, Long>> intoRound = new HashMap<>();
    for (RoundChange change : report.changes(studyId)) {
      intoRound
          .computeIfAbsent(change.round.number, k -> new HashMap<>())
          .merge(change.kind, 1L, Long::sum);
    }
    List<StatementFlowRound> flow = new ArrayList<>();
    for (Round round : closed) {
      List<ItemResultView> items = resultsByRound.get(round.number).items();
      Map<RoundChange.Kind, Long> next = intoRound.getOrDefault(round.number + 1, Map.of());
      flow.add(
          new StatementFlowRound(
              round.number,
              items.size(),
              count(items, Outcome.CONSENSUS_IN),
              count(items, Outcome.CONSENSUS_OUT),
              count(items, Outcome.NO_CONSENSUS),
              next.getOrDefault(RoundChange.Kind.ADDED, 0L),
              next.getOrDefault(RoundChange.Kind.REWORDED, 0L),
              next.getOrDefault(RoundChange.Kind.CARRIED, 0L),
              next.getOrDefault(RoundChange.Kind.RETIRED_IN, 0L),
              next.getOrDefault(RoundChange.Kind.RETIRED_OUT, 0L)));
    }
    return new StatementFlow(flow);
  }

  private static long count(List<ItemResultView> items, Outcome outcome) {
    return items.stream().filter(i -> i.outcome() == outcome).count();
  }

  private FinalList finalList(
      List<StatementVersion> versions, Map<Integer, ResultsView> resultsByRound) {
    Map<Long, ItemResultView> decisive = new HashMap<>();
    Map<Long, Integer> decisiveRound = new HashMap<>();
    for (ResultsView round : resultsByRound.values()) {
      for (ItemResultView item : round.items()) {
        decisive.put(item.statementId(), item);
        decisiveRound.put(item.statementId(), round.number());
      }
    }
    Map<Long, List<StatementVersion>> byStatement = new LinkedHashMap<>();
    versions.stream()
        .sorted(
            Comparator.comparingInt((StatementVersion v) -> v.statement.section.position)
                .thenComparingInt(v -> v.statement.position)
                .thenComparingInt(v -> v.number))
        .forEach(v -> byStatement.computeIfAbsent(v.statement.id, k -> new ArrayList<>()).add(v));
    List<FinalStatement> in = new ArrayList<>();
    List<FinalStatement> out = new ArrayList<>();
    List<FinalStatement> none = new ArrayList<>();
    byStatement.forEach(
        (statementId, wordings) -> {
          ItemResultView result = decisive.get(statementId);
          if (result == null) {
            return;
          }
          StatementVersion latest = wordings.get(wordings.size() - 1);
          FinalStatement statement =
              new FinalStatement(
                  statementId,
                  latest.statement.section.title,
                  result.text(),
                  result.outcome(),
                  decisiveRound.get(statementId),
                  result.reason(),
                  wordings.stream()
                      .map(v -> new Wording(v.number, v.text, v.origin.name(), v.reason))
                      .toList());
          switch (result.outcome()) {
            case CONSENSUS_IN -> in.add(statement);
            case CONSENSUS_OUT -> out.add(statement);
            case NO_CONSENSUS -> none.add(statement);
          }
        });
    return new FinalList(in, out, none);
  }

  private List<ReleasedComment> comments(long studyId) {
    List<ReleasedComment> out = new ArrayList<>();
    for (ResponseComment c : report.releasedComments(studyId)) {
      Long statementId = c.item == null ? null : c.item.statement.id;
      String section =
          c.item != null
              ? c.item.statement.section.title
              : c.section == null ? null : c.section.title;
      out.add(new ReleasedComment(c.response.round.number, statementId, section, c.text));
    }
    return out;
  }

  private static Double percent(long count, Long of) {
    return of == null || of == 0 ? null : 100.0 * count / of;
  }

  private static Double finite(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
  }
}
