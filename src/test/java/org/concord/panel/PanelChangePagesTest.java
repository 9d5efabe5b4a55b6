package org.concord.panel;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.concord.TestStudies;
import org.concord.web.ConsoleSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API's panel resource offers besides a file, in the console: one panelist added by hand,
 * a stakeholder group added and renamed; refusals beside the field change nothing, every change is
 * in the audit log, and the analyst can do none of it.
 */
@QuarkusTest
class PanelChangePagesTest {

  ConsoleSession coordinator;

  @BeforeEach
  void signIn() {
    coordinator = ConsoleSession.coordinator();
  }

  @Test
  void onePanelistIsAddedToAGroupAndAudited() {
    long study = TestStudies.study("Add one").panelists(2).create().study();
    String group = groupId(study, "Practitioners");
    String page =
        coordinator
            .get("/console/studies/" + study + "/panel/add")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(page, containsString("<option value=\"" + group + "\">Practitioners</option>"));
    assertThat(
        coordinator.get("/console/studies/" + study + "/panel").asString(),
        containsString("href=\"/console/studies/" + study + "/panel/add\""));

    coordinator
        .post(
            "/console/studies/" + study + "/panel/add",
            Map.of("name", "Ada Late", "email", "ada-" + study + "@example.org", "groupId", group))
        .then()
        .statusCode(303)
        .header("Location", containsString("/console/studies/" + study + "/panel?added=1"));
    assertThat(
        coordinator.get("/console/studies/" + study + "/panel?added=1").asString(),
        containsString("1 panelist was added to the panel."));
    long id = panelistId(study, "Ada Late");
    asCoordinator().get("/api/panelists/" + id).then().body("group", equalTo("Practitioners"));
    asCoordinator()
        .get("/api/studies/" + study + "/audit")
        .then()
        .body(
            "find { it.action == 'panelist-added' }.detail",
            equalTo("Panelist " + id + " added to the group \"Practitioners\"."));
  }

  @Test
  void aRefusedPanelistIsShownBesideTheFieldAndNothingIsStored() {
    long study = TestStudies.study("Add refused").panelists(2).create().study();
    String group = groupId(study, "Practitioners");
    String taken = "p1-" + study + "@example.org";

    Response duplicate =
        coordinator.post(
            "/console/studies/" + study + "/panel/add",
            Map.of("name", "Twin", "email", taken, "groupId", group));
    duplicate.then().statusCode(400);
    assertThat(duplicate.asString(), containsString("href=\"#email\""));
    assertThat(duplicate.asString(), containsString("id=\"email-error\""));
    assertThat(duplicate.asString(), containsString("is already on the panel."));
    assertThat(duplicate.asString(), containsString("value=\"Twin\""));

    Response badEmail =
        coordinator.post(
            "/console/studies/" + study + "/panel/add",
            Map.of("name", "Bad", "email", "not-an-address", "groupId", group));
    badEmail.then().statusCode(400);
    assertThat(badEmail.asString(), containsString("is not a valid email address."));

    Response noGroup =
        coordinator.post(
            "/console/studies/" + study + "/panel/add",
            Map.of("name", "Lost", "email", "lost-" + study + "@example.org", "groupId", ""));
    noGroup.then().statusCode(400);
    assertThat(noGroup.asString(), containsString("id=\"groupId-error\""));
    assertThat(noGroup.asString(), containsString("Choose the panelist&#39;s stakeholder group."));

    long other = TestStudies.study("Other study").panelists(1).create().study();
    coordinator
        .post(
            "/console/studies/" + study + "/panel/add",
            Map.of(
                "name",
                "Stray",
                "email",
                "stray-" + study + "@example.org",
                "groupId",
                groupId(other, "Practitioners")))
        .then()
        .statusCode(400)
        .body(containsString("id=\"groupId-error\""));

    asCoordinator().get("/api/studies/" + study + "/panelists").then().body("total", equalTo(2));
    asCoordinator()
        .get("/api/studies/" + study + "/audit")
        .then()
        .body("action", not(hasItem("panelist-added")));
  }

  @Test
  void aGroupIsAddedAndRenamedAndBothAreAudited() {
    long study = TestStudies.study("Groups").panelists(2).create().study();
    coordinator
        .get("/console/studies/" + study + "/panel/groups")
        .then()
        .statusCode(200)
        .body(containsString("Rename “Practitioners”"));

    coordinator
        .post("/console/studies/" + study + "/panel/groups", Map.of("name", "Carers"))
        .then()
        .statusCode(303)
        .header("Location", containsString("/panel/groups?done=created"));
    String carers = groupId(study, "Carers");
    coordinator
        .post("/console/groups/" + carers, Map.of("name", "Family carers"))
        .then()
        .statusCode(303)
        .header(
            "Location", containsString("/console/studies/" + study + "/panel/groups?done=renamed"));
    assertThat(groupNames(study), equalTo(List.of("Practitioners", "Family carers")));
    asCoordinator()
        .get("/api/studies/" + study + "/audit")
        .then()
        .body(
            "find { it.action == 'group-created' }.detail",
            equalTo("Stakeholder group \"Carers\" added."))
        .body(
            "find { it.action == 'group-renamed' }.detail",
            equalTo("Stakeholder group \"Carers\" renamed \"Family carers\"."));
  }

  @Test
  void aRefusedGroupNameIsShownBesideItsFieldAndChangesNothing() {
    long study = TestStudies.study("Groups refused").panelists(2).create().study();
    Response empty =
        coordinator.post("/console/studies/" + study + "/panel/groups", Map.of("name", " "));
    empty.then().statusCode(400);
    assertThat(empty.asString(), containsString("href=\"#name\""));
    assertThat(empty.asString(), containsString("Give the group a name."));

    Response twin =
        coordinator.post(
            "/console/studies/" + study + "/panel/groups", Map.of("name", "practitioners"));
    twin.then().statusCode(400);
    assertThat(twin.asString(), containsString("id=\"name-error\""));
    assertThat(twin.asString(), containsString("has a group called"));

    coordinator
        .post("/console/studies/" + study + "/panel/groups", Map.of("name", "Carers"))
        .then()
        .statusCode(303);
    String carers = groupId(study, "Carers");
    Response clash = coordinator.post("/console/groups/" + carers, Map.of("name", "Practitioners"));
    clash.then().statusCode(400);
    assertThat(clash.asString(), containsString("href=\"#name-" + carers + "\""));
    assertThat(clash.asString(), containsString("id=\"name-" + carers + "-error\""));
    assertThat(clash.asString(), containsString("value=\"Practitioners\""));
    coordinator
        .post("/console/groups/" + carers, Map.of("name", ""))
        .then()
        .statusCode(400)
        .body(containsString("Give the group a name."));
    assertThat(groupNames(study), equalTo(List.of("Practitioners", "Carers")));
  }

  @Test
  void theAnalystCanNeitherSeeNorChangeThePanel() {
    long study = TestStudies.study("Analyst panel").panelists(1).create().study();
    String group = groupId(study, "Practitioners");
    ConsoleSession analyst = ConsoleSession.analyst();
    analyst.get("/console/studies/" + study + "/panel/add").then().statusCode(403);
    analyst.get("/console/studies/" + study + "/panel/groups").then().statusCode(403);
    analyst
        .post(
            "/console/studies/" + study + "/panel/add",
            Map.of("name", "X", "email", "x-" + study + "@example.org", "groupId", group))
        .then()
        .statusCode(403);
    analyst
        .post("/console/studies/" + study + "/panel/groups", Map.of("name", "Spies"))
        .then()
        .statusCode(403);
    analyst.post("/console/groups/" + group, Map.of("name", "Spies")).then().statusCode(403);
    assertThat(groupNames(study), equalTo(List.of("Practitioners")));
  }

  private static String groupId(long study, String name) {
    return asCoordinator()
        .get("/api/studies/" + study + "/groups")
        .jsonPath()
        .getString("items.find { it.name == '" + name + "' }.id");
  }

  private static List<String> groupNames(long study) {
    return asCoordinator()
        .get("/api/studies/" + study + "/groups")
        .jsonPath()
        .getList("items.name");
  }

  private static long panelistId(long study, String name) {
    return asCoordinator()
        .get("/api/studies/" + study + "/panelists")
        .jsonPath()
        .getLong("items.find { it.name == '" + name + "' }.id");
  }
}
