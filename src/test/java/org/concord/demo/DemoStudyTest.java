package org.concord.demo;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.concord.study.Study;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoStudyTest {

  @Inject DemoStudy demo;

  @Test
  void theDemoStudyHoldsTheConnectingPeopleGuidanceAndAPanelOfForty() {
    Study study = demo.create();
    String base = "/api/studies/" + study.id;
    asCoordinator()
        .get(base)
        .then()
        .body("title", equalTo(DemoStudy.TITLE))
        .body("state", equalTo("DRAFT"))
        .body("protocol.rule.type", equalTo("COMET"))
        .body("protocol.rule.agreeThreshold", equalTo(70))
        .body("protocol.rule.disagreeLimit", equalTo(15))
        .body("protocol.scale.max", equalTo(9))
        .body("protocol.maximumRounds", equalTo(3));
    asCoordinator()
        .get(base + "/sections")
        .then()
        .body("total", greaterThanOrEqualTo(9))
        .body("items[0].title", equalTo("Pre-requisites"));
    asCoordinator().get(base + "/statements").then().body("total", greaterThanOrEqualTo(35));
    asCoordinator()
        .get(base + "/groups")
        .then()
        .body("items.name", equalTo(DemoStudy.GROUPS))
        .body("items.activePanelists", equalTo(List.of(8, 8, 8, 8, 8)));
    asCoordinator()
        .get(base + "/panelists")
        .then()
        .body("total", equalTo(40))
        .body("items[0].name", equalTo("Panelist 01"))
        .body("items[0].email", equalTo("panelist01@example.org"));
  }
}
