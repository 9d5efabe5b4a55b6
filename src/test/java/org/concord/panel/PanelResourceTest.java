package org.concord.panel;

import static org.concord.Api.asCoordinator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.concord.Api;
import org.concord.Links;
import org.concord.TestStudies;
import org.concord.mail.MailDispatcher;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PanelResourceTest {

  @Inject MockMailbox mailbox;
  @Inject MailDispatcher dispatcher;

  private ValidatableResponse importPanel(long study, byte[] csv) {
    return asCoordinator()
        .contentType("text/csv")
        .body(csv)
        .post("/api/studies/" + study + "/panel")
        .then();
  }

  private ValidatableResponse importPanel(long study, String csv) {
    return importPanel(study, csv.getBytes(StandardCharsets.UTF_8));
  }

  private void assertPanelSize(long study, int size) {
    asCoordinator().get("/api/studies/" + study + "/panelists").then().body("total", equalTo(size));
  }

  @Test
  void aSpreadsheetExportImportsInAnyColumnOrderWithExtraColumnsKept() {
    long study = Api.createStudy("Panel import");
    String csv =
        "\uFEFFRegion,Email,Stakeholder group,Name\r\n"
            + "North,ann@example.org,Carers,Ann Carer\r\n"
            + "South,BOB@example.org,Practitioners,Bob Worker\r\n"
            + ",cy@example.org,carers,\"Cy, Jr.\"\r\n";
    importPanel(study, csv)
        .statusCode(200)
        .body("panelistsCreated", equalTo(3))
        .body("groupsCreated", equalTo(2));
    asCoordinator()
        .get("/api/studies/" + study + "/panelists")
        .then()
        .body("items.name", equalTo(List.of("Ann Carer", "Bob Worker", "Cy, Jr.")))
        .body("items[0].group", equalTo("Carers"))
        .body("items[0].attributes.Region", equalTo("North"))
        .body("items[0].status", equalTo("ADDED"))
        .body("items[2].attributes", equalTo(Map.of()))
        .body("items[2].group", equalTo("Carers"));
    asCoordinator()
        .get("/api/studies/" + study + "/groups")
        .then()
        .body("items.name", equalTo(List.of("Carers", "Practitioners")))
        .body("items.activePanelists", equalTo(List.of(2, 1)));
  }

  @Test
  void everyBadRowIsReportedWithItsLineAndNothingIsStored() {
    long study = Api.createStudy("Panel errors");
    importPanel(study, "name,email,group\nAnn,ann@example.org,Carers\n").statusCode(200);
    String csv =
        "name,email,group\n"
            + "Dee,not-an-email,Carers\n"
            + "Eve,eve@example.org,\n"
            + "Fay,fay@example.org,Carers\n"
            + "Fay again,FAY@example.org,Carers\n"
            + "Ann twice,ann@example.org,Carers\n"
            + ",gil@example.org,Carers\n"
            + "Hal,hal@example,Carers\n";
    importPanel(study, csv)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("/import-refused"))
        .body("errors.line", equalTo(List.of(2, 3, 5, 6, 7, 8)))
        .body("errors[0].column", equalTo(2))
        .body("errors[0].message", containsString("not a valid email"))
        .body("errors[1].message", containsString("group is empty"))
        .body("errors[2].message", containsString("also on line 4"))
        .body("errors[3].message", containsString("already on the panel"))
        .body("errors[4].message", containsString("name is empty"))
        .body("errors[5].message", containsString("hal@example"));
    assertPanelSize(study, 1);
  }

  @Test
  void anEmptyFileAHeaderOnlyFileAndAMissingColumnAreRefused() {
    long study = Api.createStudy("Panel shapes");
    importPanel(study, "")
        .statusCode(422)
        .body("errors[0].line", equalTo(1))
        .body("errors[0].message", containsString("empty"));
    importPanel(study, "name,email,group\n")
        .statusCode(422)
        .body("errors[0].message", containsString("no panelists"));
    importPanel(study, "name,mail,group\nAnn,ann@example.org,Carers\n")
        .statusCode(422)
        .body("errors[0].line", equalTo(1))
        .body("errors[0].message", containsString("no email column"));
    assertPanelSize(study, 0);
  }

  @Test
  void aFileInTheWrongEncodingIsRefused() {
    long study = Api.createStudy("Panel encoding");
    byte[] latin1 =
        "name,email,group\nZo\u00eb,zoe@example.org,Carers\n".getBytes(StandardCharsets.ISO_8859_1);
    importPanel(study, latin1)
        .statusCode(422)
        .body("errors[0].line", equalTo(2))
        .body("errors[0].message", containsString("not UTF-8"));
    assertPanelSize(study, 0);
  }

  @Test
  void panelistsAreAddedListedEditedAndWithdrawn() {
    long study = Api.createStudy("Panel editing");
    long carers =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Carers"))
            .post("/api/studies/" + study + "/groups")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long managers =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Managers"))
            .post("/api/studies/" + study + "/groups")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "carers"))
        .post("/api/studies/" + study + "/groups")
        .then()
        .statusCode(400)
        .body("detail", containsString("already"));
    long id =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Ann", "email", "ann@example.org", "groupId", carers))
            .post("/api/studies/" + study + "/panelists")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Ann B", "email", "ANN@example.org", "groupId", carers))
        .post("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("email"));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Nobody", "email", "nobody", "groupId", carers))
        .post("/api/studies/" + study + "/panelists")
        .then()
        .statusCode(400);
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "email",
                "ann.b@example.org",
                "groupId",
                managers,
                "attributes",
                Map.of("Region", "East")))
        .patch("/api/panelists/" + id)
        .then()
        .statusCode(200)
        .body("email", equalTo("ann.b@example.org"))
        .body("group", equalTo("Managers"))
        .body("attributes.Region", equalTo("East"))
        .body("name", equalTo("Ann"));
    asCoordinator()
        .queryParam("group", managers)
        .get("/api/studies/" + study + "/panelists")
        .then()
        .body("items", hasSize(1));
    asCoordinator()
        .post("/api/panelists/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("withdrawnAt", notNullValue());
    asCoordinator().post("/api/panelists/" + id + "/withdraw").then().statusCode(409);
    asCoordinator()
        .queryParam("status", "WITHDRAWN")
        .get("/api/studies/" + study + "/panelists")
        .then()
        .body("total", equalTo(1));
    asCoordinator()
        .get("/api/studies/" + study + "/groups")
        .then()
        .body("items.activePanelists", equalTo(List.of(0, 0)));
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Family carers"))
        .patch("/api/groups/" + carers)
        .then()
        .statusCode(200)
        .body("name", equalTo("Family carers"));
    asCoordinator().get("/api/panelists/999999").then().statusCode(404);
  }

  @Test
  void aGroupOfAnotherStudyIsRefused() {
    long one = Api.createStudy("Study one");
    long two = Api.createStudy("Study two");
    long group =
        asCoordinator()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Carers"))
            .post("/api/studies/" + one + "/groups")
            .then()
            .extract()
            .jsonPath()
            .getLong("id");
    asCoordinator()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Ann", "email", "ann@example.org", "groupId", group))
        .post("/api/studies/" + two + "/panelists")
        .then()
        .statusCode(400)
        .body("detail", containsString("another study"));
    assertPanelSize(two, 0);
  }

  @Test
  void panelistsAreListedByTheirStatusInARound() {
    mailbox.clear();
    long study =
        TestStudies.study("Statuses in a round").sections(1).panelists(3).openRound().study();
    dispatcher.dispatchDue();
    String first = Links.tokenIn(mailbox.getMailsSentTo("p1-" + study + "@example.org").get(0));
    String second = Links.tokenIn(mailbox.getMailsSentTo("p2-" + study + "@example.org").get(0));
    RestAssured.given().basePath("/p/" + second + "/api").get("/round").then().statusCode(200);
    long item =
        RestAssured.given()
            .basePath("/p/" + first + "/api")
            .get("/round")
            .jsonPath()
            .getLong("sections[0].items[0].itemId");
    RestAssured.given()
        .basePath("/p/" + first + "/api")
        .contentType(ContentType.JSON)
        .body(Map.of("consent", true, "ratings", List.of(Map.of("itemId", item, "value", 7))))
        .put("/response")
        .then()
        .statusCode(200);
    RestAssured.given()
        .basePath("/p/" + first + "/api")
        .post("/response/submit")
        .then()
        .statusCode(200);
    String panelists = "/api/studies/" + study + "/panelists";

    asCoordinator()
        .get(panelists)
        .then()
        .body("items.name", equalTo(List.of("P1", "P2", "P3")))
        .body("items.rounds.'1'", equalTo(List.of("SUBMITTED", "OPENED", "INVITED")));
    asCoordinator()
        .get(panelists + "?round=1&roundStatus=SUBMITTED")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].name", equalTo("P1"));
    asCoordinator()
        .get(panelists + "?round=1&roundStatus=not_submitted")
        .then()
        .body("items.name", equalTo(List.of("P2", "P3")));
    asCoordinator()
        .get(panelists + "?round=1&roundStatus=NOT_INVITED")
        .then()
        .body("total", equalTo(0));
    asCoordinator()
        .get(panelists + "?q=P3-" + study + "&round=1&roundStatus=INVITED")
        .then()
        .body("items.name", equalTo(List.of("P3")));
    long third = asCoordinator().get(panelists + "?q=p3-").jsonPath().getLong("items[0].id");
    asCoordinator().post("/api/panelists/" + third + "/withdraw").then().statusCode(200);
    asCoordinator()
        .get(panelists + "?round=1&roundStatus=WITHDRAWN")
        .then()
        .body("items.name", equalTo(List.of("P3")))
        .body("items[0].rounds.'1'", equalTo("WITHDRAWN"));
    asCoordinator()
        .get(panelists + "?round=1&roundStatus=NOT_SUBMITTED")
        .then()
        .body("items.name", equalTo(List.of("P2")));
  }

  @Test
  void aBadRoundFilterIsAProblemNamingTheParameter() {
    long study = TestStudies.study("Bad round filter").panelists(1).openRound().study();
    String panelists = "/api/studies/" + study + "/panelists";
    asCoordinator()
        .get(panelists + "?round=1&roundStatus=SOMETIMES")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("errors[0].field", equalTo("roundStatus"));
    asCoordinator()
        .get(panelists + "?round=7&roundStatus=SUBMITTED")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("round"))
        .body("detail", equalTo("This study has no round 7."));
    asCoordinator()
        .get(panelists + "?round=1")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("roundStatus"));
    asCoordinator()
        .get(panelists + "?roundStatus=SUBMITTED")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("round"));
  }
}
