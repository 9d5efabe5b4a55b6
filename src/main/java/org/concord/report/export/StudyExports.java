package org.concord.report.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.concord.report.export.ExportRepository.PanelistRow;
import org.concord.results.ResultsRepository;
import org.concord.results.RoundItemResult;
import org.concord.study.Protocol;
import org.concord.study.StudyRepository;

/**
 * A study's data exports, written as they are read: each export runs its queries in a read-only
 * transaction of its own while the response streams, so memory does not grow with the data.
 */
@ApplicationScoped
public class StudyExports {

  /** Long enough for a national study's million ratings, short enough to free a stuck export. */
  private static final int TIMEOUT_SECONDS = 600;

  @Inject StudyRepository studies;
  @Inject ExportRepository exports;
  @Inject ResultsRepository results;

  /** The exports a study has, by the file name they are served under. */
  public enum Export {
    RATINGS("ratings"),
    ITEM_RESULTS("item-results"),
    COMMENTS("comments"),
    PARTICIPATION("participation"),
    IDENTITY_MAP("identity-map");

    final String file;

    Export(String file) {
      this.file = file;
    }
  }

  /** Refuses an unknown study before the response starts; the export itself runs as it streams. */
  public void requireStudy(long studyId) {
    QuarkusTransaction.requiringNew().run(() -> studies.require(studyId));
  }

  public void csv(long studyId, Export export, OutputStream out) {
    run(
        () -> {
          Protocol protocol = studies.require(studyId).protocol;
          try (Stream<? extends List<?>> rows = rows(studyId, export, protocol)) {
            CsvExport.write(table(export, protocol), rows, out);
          }
        });
  }

  /** Every table but the identity map on a sheet of its own, and the codebook. */
  public void workbook(long studyId, OutputStream out) {
    run(
        () -> {
          Protocol protocol = studies.require(studyId).protocol;
          try (XlsxExport xlsx = new XlsxExport(out)) {
            for (Export export :
                List.of(
                    Export.RATINGS, Export.ITEM_RESULTS, Export.COMMENTS, Export.PARTICIPATION)) {
              try (Stream<? extends List<?>> rows = rows(studyId, export, protocol)) {
                xlsx.writeSheet(table(export, protocol), rows);
              }
            }
            try (Stream<List<Object>> rows = Codebook.rows(tables(protocol))) {
              xlsx.writeSheet(Codebook.TABLE, rows);
            }
          }
        });
  }

  public void codebook(long studyId, OutputStream out) {
    run(
        () -> {
          Protocol protocol = studies.require(studyId).protocol;
          try (Stream<List<Object>> rows = Codebook.rows(tables(protocol))) {
            CsvExport.write(Codebook.TABLE, rows, out);
          }
        });
  }

  /** The tables an analyst receives, described in the codebook. */
  static List<ExportTable> tables(Protocol protocol) {
    return List.of(
        StudyTables.ratings(protocol),
        StudyTables.itemResults(protocol),
        StudyTables.COMMENTS,
        StudyTables.PARTICIPATION);
  }

  static ExportTable table(Export export, Protocol protocol) {
    return switch (export) {
      case RATINGS -> StudyTables.ratings(protocol);
      case ITEM_RESULTS -> StudyTables.itemResults(protocol);
      case COMMENTS -> StudyTables.COMMENTS;
      case PARTICIPATION -> StudyTables.PARTICIPATION;
      case IDENTITY_MAP -> StudyTables.IDENTITIES;
    };
  }

  private Stream<? extends List<?>> rows(long studyId, Export export, Protocol protocol) {
    return switch (export) {
      case RATINGS -> {
        Pseudonyms names = pseudonyms(studyId);
        yield exports
            .ratings(studyId)
            .map(
                r ->
                    Arrays.asList(
                        names.of(r.panelistId()),
                        r.group(),
                        r.round(),
                        r.statementId(),
                        r.statementVersion(),
                        r.itemId(),
                        r.value(),
                        r.unableToRate(),
                        r.previousRated()
                            ? r.previousUnable() != r.unableToRate()
                                || !Objects.equals(r.previousValue(), r.value())
                            : null,
                        r.reasonGiven(),
                        r.shownPosition()));
      }
      case ITEM_RESULTS -> results.ofStudy(studyId).stream().map(r -> itemResult(r));
      case COMMENTS ->
          exports
              .comments(studyId)
              .map(
                  c ->
                      Arrays.asList(
                          c.round(),
                          c.statementId(),
                          c.statementVersion(),
                          c.section(),
                          c.group(),
                          c.released(),
                          c.text()));
      case PARTICIPATION -> {
        Pseudonyms names = pseudonyms(studyId);
        yield exports
            .participation(studyId)
            .map(
                p ->
                    Arrays.asList(
                        names.of(p.panelistId()),
                        p.group(),
                        p.round(),
                        p.openedAt(),
                        p.state() == null ? "NOT_STARTED" : p.state(),
                        p.consentedAt(),
                        p.submittedAt()));
      }
      case IDENTITY_MAP -> {
        List<PanelistRow> panelists = exports.panelists(studyId);
        Pseudonyms names = new Pseudonyms(panelists);
        yield panelists.stream()
            .map(
                p ->
                    Arrays.asList(
                        names.of(p.id()),
                        p.name(),
                        p.email(),
                        p.group(),
                        p.status(),
                        p.withdrawnAt()));
      }
    };
  }

  private static List<Object> itemResult(RoundItemResult r) {
    List<Object> row = new ArrayList<>();
    row.add(r.item.round.number);
    row.add(r.item.statement.id);
    row.add(r.item.version.number);
    row.add(r.group == null ? "(all)" : r.group.name);
    row.add(r.n);
    row.add(r.rated);
    row.add(r.unableCount);
    for (long count : r.countArray()) {
      row.add(count);
    }
    row.addAll(
        Arrays.asList(
            r.agreeCount,
            r.disagreeCount,
            r.percentAgree,
            r.percentDisagree,
            r.percentNeutral,
            r.median,
            r.q1,
            r.q3,
            r.iqr,
            r.p30,
            r.p70,
            r.ipr,
            r.ipras,
            r.disagreementIndex,
            r.mean,
            r.sd,
            r.outcome.name(),
            r.basis.name(),
            r.reason,
            r.group == null ? r.divergent : null,
            r.group == null ? null : r.required,
            r.stabilityDelta,
            r.stable,
            r.stabilityPairs,
            r.percentUnchanged,
            r.weightedKappa,
            r.wilcoxonV,
            r.wilcoxonZ,
            r.wilcoxonP,
            r.wilcoxonMethod));
    return row;
  }

  private Pseudonyms pseudonyms(long studyId) {
    return new Pseudonyms(exports.panelists(studyId));
  }

  /** P001, P002, … in the order panelists joined the study; wider when the panel needs it. */
  static final class Pseudonyms {
    private final Map<Long, String> byId = new HashMap<>();

    Pseudonyms(List<PanelistRow> panelists) {
      int width = Math.max(3, Integer.toString(panelists.size()).length());
      for (int i = 0; i < panelists.size(); i++) {
        byId.put(panelists.get(i).id(), "P" + String.format("%0" + width + "d", i + 1));
      }
    }

    String of(long panelistId) {
      return byId.get(panelistId);
    }
  }

  private interface Work {
    void run() throws IOException;
  }

  private static void run(Work work) {
    QuarkusTransaction.requiringNew()
        .timeout(TIMEOUT_SECONDS)
        .run(
            () -> {
              try {
                work.run();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
