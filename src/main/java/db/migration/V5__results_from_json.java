package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Copies each item result stored before V4 out of its JSON into the V4 columns. Those rows were
 * rounded to four decimals when they were written; their counts are exact, and the statistics keep
 * the values they had. The decisions that were not stored then (basis, divergence, the every-group
 * requirement) are derived here once, so that reading results never re-runs the engine.
 */
public class V5__results_from_json extends BaseJavaMigration {

  private static final String[] STATISTICS = {
    "median", "q1", "q3", "iqr", "p30", "p70", "ipr", "ipras", "disagreementIndex", "mean", "sd"
  };

  private static final String[] COLUMNS = {
    "median", "q1", "q3", "iqr", "p30", "p70", "ipr", "ipras", "disagreement_index", "mean", "sd"
  };

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    ObjectMapper json = new ObjectMapper();
    StringBuilder update =
        new StringBuilder(
            "update item_result set rated = ?, counts = ?, agree_count = ?, disagree_count = ?,"
                + " percent_agree = ?, percent_disagree = ?, percent_neutral = ?, basis = ?");
    for (String column : COLUMNS) {
      update.append(", ").append(column).append(" = ?");
    }
    update.append(" where id = ?");
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("select id, n, statistics, reason from item_result");
        PreparedStatement write = connection.prepareStatement(update.toString())) {
      while (rows.next()) {
        JsonNode s = json.readTree(rows.getString("statistics"));
        long n = rows.getLong("n");
        List<String> counts = new ArrayList<>();
        s.path("counts").forEach(c -> counts.add(Long.toString(c.asLong())));
        int i = 1;
        write.setLong(i++, s.path("rated").asLong(n));
        write.setString(i++, String.join(",", counts));
        // Counts in the bands follow from the stored percentages of n, which were exact enough.
        write.setLong(i++, Math.round(s.path("percentAgree").asDouble() * n / 100));
        write.setLong(i++, Math.round(s.path("percentDisagree").asDouble() * n / 100));
        write.setDouble(i++, s.path("percentAgree").asDouble());
        write.setDouble(i++, s.path("percentDisagree").asDouble());
        write.setDouble(i++, s.path("percentNeutral").asDouble());
        write.setString(i++, basis(rows.getString("reason")));
        for (String field : STATISTICS) {
          JsonNode value = s.path(field);
          if (value.isNumber()) {
            write.setDouble(i++, value.asDouble());
          } else {
            write.setNull(i++, Types.DOUBLE);
          }
        }
        write.setLong(i, rows.getLong("id"));
        write.addBatch();
      }
      write.executeBatch();
    }
    try (Statement derive = connection.createStatement()) {
      derive.executeUpdate(
          "update item_result r set required = (select s.every_group_required and r.n >="
              + " s.minimum_group_size from round_item i join round d on d.id = i.round_id"
              + " join study s on s.id = d.study_id where i.id = r.round_item_id)"
              + " where r.group_id is not null");
      derive.executeUpdate("update item_result set required = false where group_id is null");
      derive.executeUpdate(
          "update item_result r set divergent = (select count(distinct g.outcome) > 1 from"
              + " item_result g join round_item i on i.id = g.round_item_id join round d on"
              + " d.id = i.round_id join study s on s.id = d.study_id where g.round_item_id ="
              + " r.round_item_id and g.group_id is not null and g.n >= greatest(1,"
              + " s.minimum_group_size)) where r.group_id is null");
      derive.executeUpdate("update item_result set divergent = false where group_id is not null");
      derive.executeUpdate(
          "update item_result set rule_outcome = outcome where group_id is null"
              + " and basis <> 'NOT_EVERY_GROUP'");
    }
  }

  /** The decision's basis, read off the words the engine wrote before it was stored as a value. */
  static String basis(String reason) {
    if (reason.startsWith("no ratings")) {
      return "NO_RATINGS";
    }
    if (reason.startsWith("too few ratings")) {
      return "TOO_FEW_RATINGS";
    }
    if (reason.contains("but not in every group")) {
      return "NOT_EVERY_GROUP";
    }
    return "RULE";
  }
}
