package org.concord.panel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.concord.common.CsvRows;
import org.concord.common.ImportErrors;
import org.concord.common.Languages;
import org.concord.common.TextFile;

/**
 * Reads a panel from CSV as spreadsheets export it: a header row naming at least name, email and
 * group, in any order; any other column is kept as an attribute. Checked whole: every error of the
 * file is reported, and nothing is stored if there is one.
 */
final class PanelImporter {

  static final String WHAT = "The panel file";
  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_EMAIL_LENGTH = 254;
  static final int MAX_GROUP_LENGTH = 100;
  static final int MAX_ATTRIBUTES_LENGTH = 4000;

  /**
   * Pragmatic, not RFC 5322: one @, no spaces, a dot in the domain. Possessive, so a long near-miss
   * cannot make it backtrack.
   */
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]++@[^@\\s.]++(?:\\.[^@\\s.]++)++$");

  private static final Map<String, String> HEADER_ALIASES =
      Map.ofEntries(
          Map.entry("name", "name"),
          Map.entry("full name", "name"),
          Map.entry("email", "email"),
          Map.entry("e-mail", "email"),
          Map.entry("email address", "email"),
          Map.entry("group", "group"),
          Map.entry("stakeholder group", "group"),
          Map.entry("language", "language"));

  /** {@code language}: the tag of an optional {@code language} column (null: not given). */
  record PanelRow(
      int line,
      String name,
      String email,
      String group,
      Map<String, String> attributes,
      String language) {}

  private PanelImporter() {}

  /** {@code onPanel} holds the email keys of the study's panelists. */
  static List<PanelRow> read(byte[] body, Set<String> onPanel) {
    String text = TextFile.decodeUtf8(body, WHAT);
    List<CsvRows.Row> rows = CsvRows.read(text, WHAT);
    if (rows.isEmpty()) {
      throw ImportErrors.single(
          WHAT, 1, null, "The file is empty; it needs a header row and one row per panelist.");
    }
    CsvRows.Row header = rows.get(0);
    Map<String, Integer> columns = new HashMap<>();
    Map<Integer, String> extra = new LinkedHashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String name = header.cell(i);
      String known = HEADER_ALIASES.get(name.toLowerCase(Locale.ROOT));
      if (known != null) {
        columns.putIfAbsent(known, i);
      } else if (!name.isEmpty()) {
        extra.put(i, name);
      }
    }
    List<String> missing =
        List.of("name", "email", "group").stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw ImportErrors.single(
          WHAT,
          header.line(),
          null,
          "The header row has no "
              + String.join(", ", missing)
              + " column. The first row must name the columns: name, email, group (any order).");
    }
    if (rows.size() == 1) {
      throw ImportErrors.single(
          WHAT, header.line(), null, "The file has a header row but no panelists.");
    }

    ImportErrors errors = new ImportErrors();
    Map<String, Integer> seen = new HashMap<>();
    List<PanelRow> result = new ArrayList<>();
    int nameColumn = columns.get("name");
    int emailColumn = columns.get("email");
    int groupColumn = columns.get("group");
    int languageColumn = columns.getOrDefault("language", -1);
    for (CsvRows.Row row : rows.subList(1, rows.size())) {
      int line = row.line();
      String name = row.cell(nameColumn);
      String email = row.cell(emailColumn);
      String group = row.cell(groupColumn);
      if (name.isEmpty()) {
        errors.at(line, nameColumn + 1, "The name is empty.");
      } else if (name.length() > MAX_NAME_LENGTH) {
        errors.at(
            line, nameColumn + 1, "The name is longer than " + MAX_NAME_LENGTH + " characters.");
      }
      if (email.isEmpty()) {
        errors.at(line, emailColumn + 1, "The email is empty.");
      } else if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
        errors.at(line, emailColumn + 1, "\"" + email + "\" is not a valid email address.");
      } else {
        String key = Panelist.emailKey(email);
        Integer earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
          errors.at(line, emailColumn + 1, email + " is also on line " + earlier + ".");
        } else if (onPanel.contains(key)) {
          errors.at(line, emailColumn + 1, email + " is already on the panel.");
        }
      }
      if (group.isEmpty()) {
        errors.at(
            line, groupColumn + 1, "The group is empty; every panelist needs a stakeholder group.");
      } else if (group.length() > MAX_GROUP_LENGTH) {
        errors.at(
            line,
            groupColumn + 1,
            "The group name is longer than " + MAX_GROUP_LENGTH + " characters.");
      }
      String language = null;
      String languageCell = row.cell(languageColumn);
      if (!languageCell.isEmpty()) {
        language = Languages.normalise(languageCell);
        if (language == null) {
          errors.at(
              line,
              languageColumn + 1,
              "\""
                  + languageCell
                  + "\" is not a language Concord speaks; use "
                  + String.join(", ", Languages.supported())
                  + ", or leave it empty.");
        }
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      extra.forEach(
          (index, column) -> {
            String value = row.cell(index);
            if (!value.isEmpty()) {
              attributes.put(column, value);
            }
          });
      if (AttributesConverter.toJson(attributes).length() > MAX_ATTRIBUTES_LENGTH) {
        errors.at(
            line,
            null,
            "The extra columns of this row hold more than "
                + MAX_ATTRIBUTES_LENGTH
                + " characters.");
      }
      result.add(new PanelRow(line, name, email, group, attributes, language));
    }
    errors.throwIfAny(WHAT);
    return result;
  }
}
