package org.concord.panel;

import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/** A panelist's name and email as the console's forms (add one, edit one) read them. */
final class PanelistFields {

  private PanelistFields() {}

  static String name(FormInput form, FieldErrors errors) {
    String name = form.text("name");
    if (name == null) {
      errors.add("name", "Give the panelist's name.");
    } else if (name.length() > PanelImporter.MAX_NAME_LENGTH) {
      errors.add(
          "name", "The name must have at most " + PanelImporter.MAX_NAME_LENGTH + " characters.");
    }
    return name;
  }

  static String email(FormInput form, FieldErrors errors) {
    String email = form.text("email");
    if (email == null) {
      errors.add("email", "Give the panelist's email address.");
    }
    return email;
  }
}
