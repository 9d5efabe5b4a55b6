package org.concord.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The studies measured: set up through the API as a study team does, and their round-1 ratings
 * written straight into the database while the application is stopped (as RatingsExportMemoryIT
 * does), since a million submissions through the API would take far longer than what they are for.
 */
final class Studies {

  /** The guards a real study needs are off, so that the smoke sizes can close their rounds too. */
  static final Map<String, Object> PROTOCOL = Map.of("minimumN", 0, "minimumResponsePercent", 0);

  static final int GROUPS = 5;

  /** Rows written here, in a range the application's sequences will not reach. */
  private static final long FIRST_SEEDED_ID = 1_000_000_000_000L;

  private static final int ROWS_PER_TRANSACTION = 5_000;
  private static final Timestamp SUBMITTED_AT =
      Timestamp.from(Instant.parse("2025-03-01T10:00:00Z"));

  record Ids(long study, long round) {}

  private Studies() {}

  /** A study with sections of {@code perSection} statements, a panel in five groups, round 1. */
  static Ids create(
      Application app, String title, int sections, int perSection, int panelists, String emails)
      throws IOException, InterruptedException {
    long study =
        app.json("POST", "/api/studies", Map.of("title", title, "protocol", PROTOCOL), 201)
            .path("id")
            .asLong();
    StringBuilder guidance = new StringBuilder();
    int n = 0;
    for (int s = 1; s <= sections; s++) {
      guidance.append("## Section ").append(s).append("\n\nAbout section ").append(s);
      guidance.append("\n\n");
      for (int i = 0; i < perSection; i++) {
        guidance.append("- Statement ").append(++n).append(" of the practice guidance\n");
      }
      guidance.append('\n');
    }
    app.call("POST", "/api/studies/" + study + "/guidance", "text/markdown", guidance + "", 200);
    StringBuilder panel = new StringBuilder("name,email,group\n");
    for (int i = 1; i <= panelists; i++) {
      panel.append("Panelist ").append(i).append(',').append(emails).append(i);
      panel.append("@example.org,Group ").append(1 + i % GROUPS).append('\n');
    }
    app.call("POST", "/api/studies/" + study + "/panel", "text/csv", panel.toString(), 200);
    long round = app.json("POST", "/api/studies/" + study + "/rounds", Map.of(), 201).path("id").asLong();
    return new Ids(study, round);
  }

  static Connection connect(String url, String user, String password) throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * One submitted response per panelist rating every statement of the round, spread over the whole
   * scale so that no statement reaches consensus and all go on to round 2; every 50th answer
   * "unable to rate". The round must be open (its invitations written). Returns the number of
   * ratings written.
   */
  static long seedSubmittedRatings(Connection db, long study, long round) throws SQLException {
    db.setAutoCommit(false);
    List<long[]> items =
        rows(db, "select id from round_item where round_id = ? order by position", round);
    List<long[]> panelists =
        rows(db, "select id, group_id from panelist where study_id = ? order by id", study);
    long nextId = FIRST_SEEDED_ID;
    long written = 0;
    try (PreparedStatement response =
            db.prepareStatement(
                "insert into response (id, round_id, panelist_id, state, consented_at,"
                    + " submitted_at, version, created_at, updated_at)"
                    + " values (?, ?, ?, 'SUBMITTED', ?, ?, 0, ?, ?)");
        PreparedStatement rating =
            db.prepareStatement(
                "insert into rating (id, response_id, round_item_id, rating_value,"
                    + " unable_to_rate, created_at, updated_at, round_id, group_id, submitted)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)")) {
      int pending = 0;
      for (int p = 0; p < panelists.size(); p++) {
        long responseId = nextId++;
        response.setLong(1, responseId);
        response.setLong(2, round);
        response.setLong(3, panelists.get(p)[0]);
        for (int column = 4; column <= 7; column++) {
          response.setTimestamp(column, SUBMITTED_AT);
        }
        response.addBatch();
        for (int i = 0; i < items.size(); i++) {
          rating.setLong(1, nextId++);
          rating.setLong(2, responseId);
          rating.setLong(3, items.get(i)[0]);
          Integer value = (p + i) % 50 == 49 ? null : 1 + (p * 7 + i * 3) % 9;
          if (value == null) {
            rating.setNull(4, Types.INTEGER);
          } else {
            rating.setInt(4, value);
          }
          rating.setBoolean(5, value == null);
          rating.setTimestamp(6, SUBMITTED_AT);
          rating.setTimestamp(7, SUBMITTED_AT);
          rating.setLong(8, round);
          rating.setLong(9, panelists.get(p)[1]);
          rating.addBatch();
          pending++;
          written++;
        }
        if (pending >= ROWS_PER_TRANSACTION || p == panelists.size() - 1) {
          response.executeBatch();
          rating.executeBatch();
          db.commit();
          pending = 0;
        }
      }
    }
    // The round's invitations record the submissions too: round 2 invites those who submitted.
    try (PreparedStatement invitations =
        db.prepareStatement(
            "update invitation set started_at = ?, submitted_at = ? where round_id = ?")) {
      invitations.setTimestamp(1, SUBMITTED_AT);
      invitations.setTimestamp(2, SUBMITTED_AT);
      invitations.setLong(3, round);
      invitations.executeUpdate();
    }
    db.commit();
    db.setAutoCommit(true);
    return written;
  }

  /** The study's panelists' ids, in the order they joined. */
  static List<Long> panelists(Connection db, long study) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (long[] row : rows(db, "select id from panelist where study_id = ? order by id", study)) {
      ids.add(row[0]);
    }
    return ids;
  }

  /** A panelist's first link, derived from the token secret as the application does. */
  static String token(long panelistId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Application.TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] bytes =
          mac.doFinal(("concord-link:" + panelistId + ":1").getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static long single(Connection db, String sql, long parameter) throws SQLException {
    return rows(db, sql, parameter).get(0)[0];
  }

  static List<long[]> rows(Connection db, String sql, long parameter) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, parameter);
      List<long[]> rows = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          long[] row = new long[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = result.getLong(c + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
