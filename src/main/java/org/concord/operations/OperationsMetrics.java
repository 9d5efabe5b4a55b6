package org.concord.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.concord.mail.OutboxService;
import org.concord.mail.OutboxStatus;
import org.concord.round.RoundRepository;
import org.concord.round.RoundRepository.OpenRoundTally;
import org.jboss.logging.Logger;

/**
 * The gauges of Concord's own state at {@code /q/metrics}: the outbox by status and the progress of
 * each open round. They are read from the database by two aggregate queries every {@code
 * concord.metrics.refresh-every} (not per scrape: however often Prometheus asks, and however many
 * rounds are open, the database answers two queries per interval). Rounds are labelled by id alone
 * (no study title or anything a person wrote) and only open rounds are reported, so the label
 * values stay few. Every instance reports the same database: aggregate them with {@code max}, not
 * {@code sum}.
 */
@ApplicationScoped
public class OperationsMetrics {

  private static final Logger LOG = Logger.getLogger(OperationsMetrics.class);

  @Inject MeterRegistry registry;
  @Inject OutboxService outbox;
  @Inject RoundRepository rounds;

  /** What the last refresh read; the gauges read this, never the database. */
  private record Snapshot(
      Map<OutboxStatus, OutboxService.Backlog> outbox, List<OpenRoundTally> rounds, Instant at) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), Instant.EPOCH);
  private MultiGauge invited;
  private MultiGauge submitted;
  private volatile boolean failing;

  void onStart(@Observes StartupEvent event) {
    for (OutboxStatus status : OutboxStatus.values()) {
      if (status == OutboxStatus.SENT) {
        continue;
      }
      String label = status.name().toLowerCase();
      Gauge.builder("concord.outbox.emails", () -> count(status))
          .description("Emails in the outbox by status (sent ones: concord_outbox_sent_total)")
          .tag("status", label)
          .register(registry);
    }
    Gauge.builder("concord.outbox.oldest.pending", this::oldestPendingSeconds)
        .description("Age of the oldest pending email, 0 when none is pending")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("concord.rounds.open", () -> snapshot.rounds().size())
        .description("Rounds open now, across studies")
        .register(registry);
    Gauge.builder("concord.metrics.refreshed", () -> snapshot.at().getEpochSecond())
        .description("When these gauges were last read from the database (Unix time)")
        .baseUnit("seconds")
        .register(registry);
    invited =
        MultiGauge.builder("concord.round.invited")
            .description("Panelists invited to an open round, by round id")
            .register(registry);
    submitted =
        MultiGauge.builder("concord.round.submitted")
            .description("Panelists who submitted an open round, by round id")
            .register(registry);
  }

  @Scheduled(
      every = "${concord.metrics.refresh-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      refresh();
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warnf("Cannot read the metrics from the database: %s", e.getMessage());
      }
      failing = true;
    }
  }

  /** Reads the outbox and the open rounds now, and sets the gauges. */
  @ActivateRequestContext
  public void refresh() {
    Map<OutboxStatus, OutboxService.Backlog> byStatus = new EnumMap<>(OutboxStatus.class);
    outbox.backlog().forEach(b -> byStatus.put(b.status(), b));
    List<OpenRoundTally> open = rounds.openRoundTallies();
    snapshot = new Snapshot(byStatus, open, Instant.now());
    invited.register(
        open.stream().map(r -> MultiGauge.Row.of(tags(r), r.invited())).toList(), true);
    submitted.register(
        open.stream().map(r -> MultiGauge.Row.of(tags(r), r.submitted())).toList(), true);
  }

  private static Tags tags(OpenRoundTally round) {
    return Tags.of("round", Long.toString(round.round()));
  }

  private double count(OutboxStatus status) {
    OutboxService.Backlog backlog = snapshot.outbox().get(status);
    return backlog == null ? 0 : backlog.count();
  }

  private double oldestPendingSeconds() {
    OutboxService.Backlog pending = snapshot.outbox().get(OutboxStatus.PENDING);
    if (pending == null || pending.oldest() == null) {
      return 0;
    }
    return Math.max(0, Duration.between(pending.oldest(), Instant.now()).toMillis() / 1000.0);
  }
}
