package org.concord.study;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.concord.Api;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.Test;

/** The study's audit log in the console: every event, newest first, a page at a time. */
@QuarkusTest
class AuditPagesTest {

  @Inject AuditLog audit;
  @Inject StudyRepository studies;

  @Test
  void theLogShowsWhoDidWhatAndWhyNewestFirst() {
    long[] ids = TestStudies.withDraftRound("Audited study", 2, 2, null);
    TestStudies.open(ids[1]);
    ConsoleSession coordinator = ConsoleSession.coordinator();
    coordinator
        .post(
            "/console/studies/" + ids[0] + "/details",
            Map.of("title", "Audited study", "contactEmail", "team@example.org"))
        .then()
        .statusCode(303);

    String page =
        ConsoleSession.analyst()
            .get("/console/studies/" + ids[0] + "/audit")
            .then()
            .statusCode(200)
            .body(containsString("<h1>Audit log</h1>"))
            .body(containsString("Protocol locked"))
            .body(containsString("The protocol locked as round 1 opened."))
            .body(containsString("Study details changed"))
            .body(containsString("coordinator@test.example"))
            .body(containsString("UTC"))
            .extract()
            .asString();
    assertThat(page.indexOf("Study details changed"), lessThan(page.indexOf("Protocol locked")));
  }

  @Test
  void aLongLogIsReadAPageAtATime() {
    long study = Api.createStudy("Long log study");
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Study s = studies.require(study);
              for (int i = 1; i <= AuditPages.PAGE_SIZE + 5; i++) {
                audit.record(
                    s, "someone@example.org", "protocol-changed", "Change number " + i + ".");
              }
            });
    ConsoleSession browser = ConsoleSession.coordinator();
    String first =
        browser
            .get("/console/studies/" + study + "/audit")
            .then()
            .statusCode(200)
            .body(containsString("55 events, page 1 of 2"))
            .body(containsString("Change number 55."))
            .body(not(containsString("Change number 5.<")))
            .body(containsString("audit?page=2"))
            .extract()
            .asString();
    assertThat(first.indexOf("Change number 55."), greaterThan(0));
    assertThat(first.indexOf("Change number 55."), lessThan(first.indexOf("Change number 54.")));
    browser
        .get("/console/studies/" + study + "/audit?page=2")
        .then()
        .statusCode(200)
        .body(containsString("Change number 1."))
        .body(containsString("Change number 5."))
        .body(not(containsString("Change number 6.")))
        .body(containsString("audit?page=1"));
  }

  @Test
  void anAnonymousVisitorIsSentToSignInAndAnUnknownStudyIsNotFound() {
    long study = Api.createStudy("Private log study");
    ConsoleSession.anonymous()
        .get("/console/studies/" + study + "/audit")
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/login"));
    ConsoleSession.coordinator()
        .get("/console/studies/999999/audit")
        .then()
        .statusCode(404)
        .body(containsString("<h1"));
  }
}
