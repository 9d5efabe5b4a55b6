package org.concord.consensus.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.concord.consensus.Band;
import org.concord.consensus.ConsensusEngine;
import org.concord.consensus.ConsensusOptions;
import org.concord.consensus.ConsensusRule;
import org.concord.consensus.DenominatorPolicy;
import org.concord.consensus.Histogram;
import org.concord.consensus.ItemResult;
import org.concord.consensus.QuantileMethod;
import org.concord.consensus.Scale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Evaluating a whole round: 10,000 items × 5 stakeholder groups under COMET with the every-group
 * option, from histograms made once in advance (the database's GROUP BY is not measured). Not a
 * test: run it with {@link #main}, from Maven with {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.concord.consensus.bench.ConsensusBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConsensusBenchmark {

  static final int ITEMS = 10_000;
  static final String[] GROUPS = {
    "Practitioners", "People who use services", "Carers", "Managers", "Researchers"
  };
  static final Scale SCALE = new Scale(1, 9, new Band(7, 9), new Band(1, 3));

  private ConsensusEngine engine;
  private Histogram[] overall;
  private Map<String, Histogram>[] byGroup;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void makeRound() {
    engine =
        new ConsensusEngine(
            SCALE,
            new ConsensusRule.Comet(70, 15),
            new ConsensusOptions(10, true, 5, QuantileMethod.TYPE_7, DenominatorPolicy.EXCLUDE));
    // A fixed seed: every run measures the same round.
    Random random = new Random(20_261_125);
    overall = new Histogram[ITEMS];
    byGroup = new Map[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      // Each item leans somewhere on the scale, so that all three outcomes occur.
      int lean = 1 + random.nextInt(9);
      Histogram sum = Histogram.empty(SCALE);
      Map<String, Histogram> groups = new LinkedHashMap<>();
      for (String group : GROUPS) {
        long[] counts = new long[SCALE.points()];
        int panelists = 3 + random.nextInt(40);
        for (int p = 0; p < panelists; p++) {
          int rating = lean + (int) Math.round(random.nextGaussian() * 1.5);
          counts[Math.min(9, Math.max(1, rating)) - 1]++;
        }
        Histogram h = Histogram.of(SCALE, random.nextInt(3), counts);
        groups.put(group, h);
        sum = sum.plus(h);
      }
      overall[i] = sum;
      byGroup[i] = groups;
    }
  }

  @Benchmark
  public void evaluateRound(Blackhole blackhole) {
    for (int i = 0; i < ITEMS; i++) {
      ItemResult result = engine.evaluate(overall[i], byGroup[i]);
      blackhole.consume(result);
    }
  }

  public static void main(String[] args) throws RunnerException {
    forkWithThisClasspath();
    Options options =
        new OptionsBuilder()
            .include(ConsensusBenchmark.class.getName())
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .mode(Mode.AverageTime)
            .timeUnit(TimeUnit.MILLISECONDS)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    if (results.isEmpty()) {
      // JMH reports a failed fork on the console and returns nothing; make the command fail too.
      throw new IllegalStateException("The benchmark produced no result: see the output above.");
    }
  }

  /**
   * JMH starts its fork with {@code java.class.path}. Under {@code mvn exec:java} that is Maven's
   * own launcher, and the fork cannot find {@code ForkedMain}; the class loader that loaded this
   * class knows the test classpath, so hand that on.
   */
  private static void forkWithThisClasspath() {
    if (!(ConsensusBenchmark.class.getClassLoader() instanceof URLClassLoader loader)) {
      return; // started with java -cp: the classpath is already right
    }
    List<String> entries = new ArrayList<>();
    for (URL url : loader.getURLs()) {
      try {
        entries.add(Path.of(url.toURI()).toString());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IllegalStateException("Cannot use " + url + " on a classpath.", e);
      }
    }
    if (!entries.isEmpty()) {
      System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
  }
}
