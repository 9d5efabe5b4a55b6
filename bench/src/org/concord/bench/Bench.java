package org.concord.bench;

import static org.concord.bench.Report.f;
import static org.concord.bench.Report.median;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures Concord's packaged application on the workloads, each beside its baseline in the
 * same run: {@code bench/run} builds the application and calls this. Correctness is checked on
 * every size (every save acknowledged, every rating counted, every invitation delivered, every
 * exported row); time never fails it.
 */
public final class Bench {

  /** The sizes of one run: the issue's, or tiny ones for CI. */
  record Sizes(
      int sections,
      int perSection,
      int panelists,
      int savePanelists,
      int pagePanelists,
      int wrkSeconds,
      int invitations) {

    static final Sizes FULL = new Sizes(4, 25, 10_000, 1_000, 1_000, 10, 2_000);
    static final Sizes SMOKE = new Sizes(2, 4, 125, 20, 50, 1, 20);

    int statements() {
      return sections * perSection;
    }
  }

  private final Sizes sizes;
  private final int runs;
  private final Path work;
  private final Path benchDir;
  private final Application app;
  private final Supplier<Connection> database;
  private final Report report;
  private final List<String> failures = new ArrayList<>();

  private Bench(Sizes sizes, int runs, Path work, Path benchDir, Application app,
      Supplier<Connection> database, Report report) {
    this.sizes = sizes;
    this.runs = runs;
    this.work = work;
    this.benchDir = benchDir;
    this.app = app;
    this.database = database;
    this.report = report;
  }

  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    int runs = 3;
    String db = "h2";
    Path work = Path.of("target/bench");
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    Path benchDir = Path.of("bench");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--db" -> db = args[++i];
        case "--work" -> work = Path.of(args[++i]);
        case "--jar" -> jar = Path.of(args[++i]);
        case "--bench" -> benchDir = Path.of(args[++i]);
        case "--port" -> System.setProperty("bench.port", args[++i]);
        default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
      }
    }
    if (smoke) {
      runs = 1;
    }
    Files.createDirectories(work);
    String url;
    String user;
    String password;
    String h2File = null;
    if (db.equals("postgresql")) {
      url = require("CONCORD_DB_URL");
      user = require("CONCORD_DB_USERNAME");
      password = require("CONCORD_DB_PASSWORD");
    } else {
      h2File = work.toAbsolutePath().resolve("data/concord").toString();
      // H2 would answer a repeated query from its cache of results: each GROUP BY must count.
      // WRITE_DELAY=0 as the application sets it: a commit is written to the file before it
      // returns, so the JDBC baseline of the saves pays what a save pays for durability.
      url = "jdbc:h2:file:" + h2File + ";QUERY_CACHE_SIZE=0;WRITE_DELAY=0";
      user = "concord";
      password = "";
    }
    int port = Integer.parseInt(System.getProperty("bench.port", "0"));
    if (port == 0) {
      try (var socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
    }
    Application app =
        new Application(new Application.Setup(jar.toAbsolutePath(), work.toAbsolutePath(), h2File, port));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.stop();
      } catch (InterruptedException ignored) {
        // exiting anyway
      }
    }));
    Supplier<Connection> database = () -> {
      try {
        return Studies.connect(url, user, password);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot connect to " + url + ": " + e.getMessage(), e);
      }
    };
    Report report = new Report(f("Concord on %s, %s, median of %d run%s", db,
        smoke ? "smoke sizes" : "full sizes", runs, runs == 1 ? "" : "s"));
    Bench bench = new Bench(smoke ? Sizes.SMOKE : Sizes.FULL, runs, work, benchDir, app, database, report);
    String machine = Report.machine();
    try {
      bench.measure();
    } finally {
      app.stop();
    }
    String markdown = report.markdown(machine);
    Files.writeString(work.resolve("results.md"), markdown);
    System.out.println();
    System.out.println(markdown);
    if (!bench.failures.isEmpty()) {
      System.err.println("Correctness checks failed:");
      bench.failures.forEach(failure -> System.err.println("  " + failure));
      System.exit(1);
    }
  }

  private static String require(String variable) {
    String value = System.getenv(variable);
    if (value == null) {
      throw new IllegalStateException(variable + " is not set: run through .ci/with-postgres");
    }
    return value;
  }

  private void check(boolean ok, String what) {
    System.out.println((ok ? "ok: " : "FAILED: ") + what);
    if (!ok) {
      failures.add(what);
    }
  }

  private static void step(String what) {
    System.out.printf("[%tT] %s (load %s)%n", System.currentTimeMillis(), what, Report.load());
  }

  private void measure() throws Exception {
    List<String> normalHeap = List.of("-XX:+ExitOnOutOfMemoryError");

    step("Creating the studies through the API");
    app.start("setup", normalHeap);
    Studies.Ids national = Studies.create(app, "A national consultation", sizes.sections(),
        sizes.perSection(), sizes.panelists(), "p");
    app.json("POST", "/api/rounds/" + national.round() + "/open", Map.of(), 200);
    List<Studies.Ids> invitationStudies = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      invitationStudies.add(
          Studies.create(app, "Invitations " + r, 1, 2, sizes.invitations(), "m" + r + "-"));
    }
    app.stop();

    step("Writing round 1's ratings into the database, and the JDBC baselines");
    long seeded;
    List<Long> panelists;
    String groupByLoad;
    List<Double> groupBySeconds = new ArrayList<>();
    List<Double> jdbcRowsPerSecond = new ArrayList<>();
    long saveRows = (long) sizes.savePanelists() * sizes.statements();
    String jdbcLoad;
    try (Connection db = database.get()) {
      long begun = System.nanoTime();
      seeded = Studies.seedSubmittedRatings(db, national.study(), national.round());
      System.out.printf("Seeded %,d ratings in %.1f s%n", seeded, (System.nanoTime() - begun) / 1e9);
      check(seeded == (long) sizes.panelists() * sizes.statements(),
          f("%,d ratings seeded for %,d panelists × %d statements", seeded, sizes.panelists(),
              sizes.statements()));
      panelists = Studies.panelists(db, national.study());
      groupByLoad = Report.load();
      for (int r = 0; r < runs; r++) {
        Loads.GroupBy counted = Loads.groupBy(db, national.round());
        groupBySeconds.add(counted.seconds());
        System.out.printf("  GROUP BY %.2f s%n", counted.seconds());
        check(counted.ratings() == seeded,
            f("the bare GROUP BY counts %,d ratings in %,d rows", counted.ratings(), counted.rows()));
      }
      groupByLoad += " → " + Report.load();
      jdbcLoad = Report.load();
      for (int r = 0; r < runs; r++) {
        jdbcRowsPerSecond.add(Loads.batchInsert(db, saveRows, sizes.perSection()));
        System.out.printf("  JDBC batch insert %,.0f rows/s%n", jdbcRowsPerSecond.get(r));
      }
      jdbcLoad += " → " + Report.load();
    }

    step("Exporting the ratings with a 256 MB heap");
    app.start("export-256m", List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
    List<Double> exportSeconds = new ArrayList<>();
    long exportBytes = 0;
    String exportLoad = Report.load();
    for (int r = 0; r < runs; r++) {
      Loads.Export csv =
          Loads.csv(app, "/api/studies/" + national.study() + "/exports/ratings.csv");
      exportSeconds.add(csv.seconds());
      System.out.printf("  ratings.csv %.2f s%n", csv.seconds());
      exportBytes = csv.bytes();
      check(csv.lines() == seeded + 1,
          f("the ratings CSV has %,d lines for %,d ratings and a header", csv.lines(), seeded));
    }
    exportLoad += " → " + Report.load();
    app.assertAlive("the export with a 256 MB heap");
    app.stop();
    report.add("long-format CSV of the ratings, -Xmx256m",
        f("%.2f s for %,d ratings, %.1f MB", median(exportSeconds), seeded, exportBytes / 1e6),
        "", "", "≤ 2 s in a 256 MB heap", exportLoad);

    step("Closing round 1, opening round 2");
    List<Double> startSeconds = new ArrayList<>();
    startSeconds.add(app.start("pages", normalHeap));
    Thread.sleep(3000);
    double idleMb = app.residentMegabytes();
    // The coordinator signs in first: the close is timed, not the bcrypt check of a first sign-in.
    app.call("GET", "/api/rounds/" + national.round(), null, null, 200);
    String closeLoad = Report.load();
    long begun = System.nanoTime();
    app.call("POST", "/api/rounds/" + national.round() + "/close", "application/json", "{}", 200);
    double closeSeconds = (System.nanoTime() - begun) / 1e9;
    closeLoad += " → " + Report.load();
    JsonNode next = app.call("POST", "/api/rounds/" + national.round() + "/next", null, null, 201);
    long round2 = next.path("id").asLong();
    app.json("POST", "/api/rounds/" + round2 + "/open", Map.of(), 200);
    double groupBy = median(groupBySeconds);
    report.add(f("closing a round of %,d ratings (%,d panelists × %d statements × %d groups)",
            seeded, sizes.panelists(), sizes.statements(), Studies.GROUPS),
        f("%.2f s", closeSeconds), f("bare GROUP BY %.2f s", groupBy),
        f("%.2f×", closeSeconds / groupBy), "≤ 1.25× the GROUP BY, GROUP BY ≤ 1 s",
        "close " + closeLoad + "; GROUP BY " + groupByLoad);
    report.note("The close is timed once per run of the benchmark (a round closes once); the bare"
        + " GROUP BY is the median of " + runs + ".");

    List<Long> pagePanelists = panelists.subList(panelists.size() - sizes.pagePanelists(), panelists.size());
    Loads.RoundView view = Loads.round(app, Studies.token(pagePanelists.get(0)));
    int round2Sections = (view.items().size() + sizes.perSection() - 1) / sizes.perSection();
    check(view.items().size() == sizes.statements(),
        f("round 2 carries %d of %d statements (none reached consensus)", view.items().size(),
            sizes.statements()));
    List<String> pagePaths = new ArrayList<>();
    for (int i = 0; i < pagePanelists.size(); i++) {
      pagePaths.add("/p/" + Studies.token(pagePanelists.get(i)) + "/sections/" + (1 + i % round2Sections));
    }
    HttpResponse<byte[]> page = app.http().send(
        HttpRequest.newBuilder(app.uri(pagePaths.get(0))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
    check(page.statusCode() == 200 && html.contains("Statement "),
        "a round-2 section page answers 200 with its statements (HTTP " + page.statusCode() + ")");

    step("Pages: wrk on the health endpoint and on round-2 section pages");
    List<Double> healthRps = new ArrayList<>();
    List<Double> pageRps = new ArrayList<>();
    List<Double> pageP50 = new ArrayList<>();
    List<Double> pageP99 = new ArrayList<>();
    long pageSocketErrors = 0;
    String pageLoad = Report.load();
    for (int r = 0; r < runs; r++) {
      Loads.WrkRun health = Loads.wrk(benchDir, work, app, List.of("/q/health/live"), 64,
          sizes.wrkSeconds(), null);
      healthRps.add(health.requestsPerSecond());
      Loads.WrkRun pages = Loads.wrk(benchDir, work, app, pagePaths, 64, sizes.wrkSeconds(), null);
      pageRps.add(pages.requestsPerSecond());
      pageP50.add(pages.p50Ms());
      pageP99.add(pages.p99Ms());
      System.out.printf("  health %.0f/s; pages %.0f/s, p50 %.1f ms, p99 %.1f ms%n",
          health.requestsPerSecond(), pages.requestsPerSecond(), pages.p50Ms(), pages.p99Ms());
      pageSocketErrors += pages.socketErrors();
      check(health.wrongAnswers() == 0 && pages.wrongAnswers() == 0,
          f("wrk: %d health and %d page answers other than 2xx/3xx (socket errors: %d, %d)",
              health.wrongAnswers(), pages.wrongAnswers(), health.socketErrors(),
              pages.socketErrors()));
    }
    pageLoad += " → " + Report.load();
    double loadedMb = app.residentMegabytes();
    report.add(f("round-2 section page of %d statements with feedback", sizes.perSection()),
        f("%.0f requests/s, p50 %.1f ms, p99 %.1f ms; %.0f KB of HTML per page%s",
            median(pageRps), median(pageP50), median(pageP99), page.body().length / 1024.0,
            pageSocketErrors == 0 ? "" : f("; %d requests timed out (10 s)", pageSocketErrors)),
        f("/q/health/live %.0f requests/s", median(healthRps)),
        f("%.2f%%", 100 * median(pageRps) / median(healthRps)),
        "≥ 2,000 requests/s, p99 ≤ 100 ms, ≥ 25% of the health rate", pageLoad);

    step("Saves: 16 clients, each panelist saving in 4 parts then submitting");
    List<Double> ratingsPerSecond = new ArrayList<>();
    List<Double> saveP99 = new ArrayList<>();
    String saveLoad = Report.load();
    for (int r = 0; r < runs; r++) {
      List<String> tokens = new ArrayList<>();
      for (long id : panelists.subList(r * sizes.savePanelists(), (r + 1) * sizes.savePanelists())) {
        tokens.add(Studies.token(id));
      }
      Loads.SaveRun saves = Loads.saves(app, tokens, view.items(), view.min(), view.max(), 16, 4);
      ratingsPerSecond.add(saves.ratingsPerSecond());
      saveP99.add(saves.p99Ms());
      System.out.printf("  %,.0f ratings/s, p99 %.1f ms%n", saves.ratingsPerSecond(), saves.p99Ms());
      check(saves.failures().isEmpty(), f("every save and submit acknowledged (%d failures%s)",
          saves.failures().size(),
          saves.failures().isEmpty() ? "" : ", first: " + saves.failures().get(0)));
    }
    saveLoad += " → " + Report.load();
    double jdbc = median(jdbcRowsPerSecond);
    report.add(f("saving and submitting (16 clients, 4 saves of %d then submit, %,d panelists)",
            sizes.perSection(), sizes.savePanelists()),
        f("%,.0f ratings/s, p99 %.0f ms", median(ratingsPerSecond), median(saveP99)),
        f("JDBC batch insert of %,d rows, %d per commit: %,.0f rows/s", saveRows,
            sizes.perSection(), jdbc),
        f("%.1f%%", 100 * median(ratingsPerSecond) / jdbc),
        "≥ 20,000 ratings/s, p99 ≤ 150 ms, ≥ 50% of the JDBC baseline",
        "saves " + saveLoad + "; JDBC " + jdbcLoad);

    step("Study-team API: HTTP Basic calls and bcrypt verifications");
    List<Double> apiRps = new ArrayList<>();
    List<Double> checksPerRun = new ArrayList<>();
    long calls = 0;
    String apiLoad = Report.load();
    for (int r = 0; r < runs; r++) {
      double before = passwordChecks();
      Loads.WrkRun api = Loads.wrk(benchDir, work, app, List.of("/api/rounds/" + round2), 16,
          sizes.wrkSeconds(), Application.basic());
      checksPerRun.add(passwordChecks() - before);
      apiRps.add(api.requestsPerSecond());
      calls = api.requests();
      check(api.wrongAnswers() == 0,
          f("wrk: %d API answers other than 2xx/3xx (socket errors: %d)", api.wrongAnswers(),
              api.socketErrors()));
    }
    apiLoad += " → " + Report.load();
    report.add("study-team API calls (GET /api/rounds/{id}, HTTP Basic, 16 connections)",
        f("%.0f calls/s; %.0f bcrypt verifications per %,d calls", median(apiRps),
            median(checksPerRun), calls),
        f("/q/health/live %.0f requests/s", median(healthRps)),
        f("%.1f%%", 100 * median(apiRps) / median(healthRps)),
        "a verified login costs bcrypt once, not per request", apiLoad);
    app.stop();

    try (Connection db = database.get()) {
      long expectedRatings = (long) runs * sizes.savePanelists() * sizes.statements();
      long submitted = Studies.single(db,
          "select count(*) from response where round_id = ? and state = 'SUBMITTED'", round2);
      long stored = Studies.single(db, "select count(*) from rating r join response s"
          + " on s.id = r.response_id where s.round_id = ? and s.state = 'SUBMITTED'", round2);
      check(submitted == (long) runs * sizes.savePanelists() && stored == expectedRatings,
          f("round 2 stores %,d submitted responses with %,d ratings (expected %,d)", submitted,
              stored, expectedRatings));
      long counted = Studies.single(db, "select coalesce(sum(x.n + x.unable_count), 0)"
          + " from item_result x join round_item i on i.id = x.round_item_id"
          + " where i.round_id = ? and x.group_id is null", national.round());
      check(counted == seeded,
          f("the close counted %,d ratings (n + unable to rate) of %,d inserted", counted, seeded));
    }

    step("SQL statements per round-2 section page");
    startSeconds.add(app.start("sql", List.of("-XX:+ExitOnOutOfMemoryError",
        "-Dquarkus.hibernate-orm.log.sql=true", "-Dquarkus.hibernate-orm.log.format-sql=false")));
    get(pagePaths.get(0));
    // A panelist who has not opened round 2 yet: their first view draws and stores their order.
    String unseen = "/p/" + Studies.token(panelists.get(panelists.size() - sizes.pagePanelists() - 1))
        + "/sections/";
    long firstVisit = sqlDuring(unseen + 1);
    long repeat = sqlDuring(unseen + 1);
    long otherSection = sqlDuring(unseen + 2);
    app.stop();
    report.add("SQL statements per round-2 section page (Hibernate's SQL log)",
        f("%d on a panelist's first view of the round, %d on a repeat, %d on another section"
            + " (%d statements per section)", firstVisit, repeat, otherSection, sizes.perSection()),
        "", "", "≤ 10, constant in the number of statements", "");

    step("Invitations to a local SMTP server");
    try (Connection db = database.get(); Statement update = db.createStatement()) {
      // Round 2's invitations are not part of this measurement: they would be sent first.
      update.executeUpdate("update outbox_email set status = 'CANCELLED' where status = 'PENDING'");
    }
    try (Mail smtp = new Mail()) {
      List<Double> directRate = new ArrayList<>();
      List<Double> appRate = new ArrayList<>();
      String mailLoad = Report.load();
      for (int r = 0; r < runs; r++) {
        directRate.add(smtp.sendDirect(sizes.invitations(), "direct" + r + "-"));
      }
      startSeconds.add(app.start("mail", List.of("-XX:+ExitOnOutOfMemoryError",
          "-Dquarkus.mailer.mock=false", "-Dquarkus.mailer.host=127.0.0.1",
          "-Dquarkus.mailer.port=" + smtp.port(), "-Dquarkus.mailer.start-tls=DISABLED",
          "-Dquarkus.mailer.tls=false", "-Dconcord.mail.dispatch-every=1s")));
      for (int r = 1; r <= runs; r++) {
        String prefix = "m" + r + "-";
        long opened = System.nanoTime();
        app.json("POST", "/api/rounds/" + invitationStudies.get(r - 1).round() + "/open", Map.of(), 200);
        long deadline = opened + 600_000_000_000L;
        while (smtp.recipients(prefix) < sizes.invitations() && System.nanoTime() < deadline) {
          app.assertAlive("the invitations");
          Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - opened) / 1e9;
        appRate.add(sizes.invitations() / seconds);
        System.out.printf("  %,d invitations in %.1f s%n", smtp.recipients(prefix), seconds);
        check(smtp.recipients(prefix) == sizes.invitations(),
            f("%,d of %,d invitations delivered", smtp.recipients(prefix), sizes.invitations()));
      }
      mailLoad += " → " + Report.load();
      app.stop();
      report.add(f("invitations delivered to a local SMTP server (%,d per round)", sizes.invitations()),
          f("%.0f/s", median(appRate)),
          f("the SMTP server takes %.0f/s on one connection", median(directRate)),
          f("%.0f%%", 100 * median(appRate) / median(directRate)), "≥ 500/s", mailLoad);
    }
    report.add("start-up to /q/health/ready; resident memory",
        f("%.2f s (starts: %s); %.0f MB idle, %.0f MB after the page load", median(startSeconds),
            startSeconds.stream().map(s -> f("%.2f", s)).toList(), idleMb, loadedMb),
        "", "", "≤ 2 s to ready, ≤ 300 MB resident under load", "");
  }

  /** The application's bcrypt verifications so far, from its Prometheus metrics. */
  private double passwordChecks() throws Exception {
    HttpResponse<String> metrics = app.send(HttpRequest.newBuilder(app.uri("/q/metrics")).GET());
    Matcher m = Pattern.compile("(?m)^concord_security_password_checks_total(?:\\{[^}]*\\})? ([0-9.eE+]+)")
        .matcher(metrics.body());
    if (metrics.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("No concord_security_password_checks_total at /q/metrics: HTTP "
          + metrics.statusCode());
    }
    return Double.parseDouble(m.group(1));
  }

  private void get(String path) throws Exception {
    Application.expect(app.send(HttpRequest.newBuilder(app.uri(path)).GET()), 200, "GET " + path);
  }

  /** SQL statements Hibernate logs while one page is served. */
  private long sqlDuring(String path) throws Exception {
    Thread.sleep(300);
    long from = Loads.logLines(app.log());
    get(path);
    Thread.sleep(500);
    return Loads.logLinesMatching(app.log(), "[Hibernate]", from);
  }
}
