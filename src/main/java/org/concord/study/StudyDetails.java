package org.concord.study;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * What panelists need to trust an email and the study behind it. Every field is optional for a
 * draft; the set-up checklist asks for a contact before round 1.
 */
public record StudyDetails(
    @Size(max = 300) String organisation,
    @Size(max = 200) String contactName,
    @Email @Size(max = 320) String contactEmail,
    @Size(max = 50) String contactPhone,
    @Size(max = 200) String senderName,
    @Size(max = 100000) String informationSheet,
    @Size(max = 20000) String dataProtection,
    @Size(max = 64) String timeZone) {

  static StudyDetails of(Study s) {
    return new StudyDetails(
        s.organisation,
        s.contactName,
        s.contactEmail,
        s.contactPhone,
        s.senderName,
        s.informationSheet,
        s.dataProtection,
        s.timeZone);
  }

  /** Sets every field, blank ones to none (the time zone to UTC). */
  void applyTo(Study s) {
    s.organisation = blankToNull(organisation);
    s.contactName = blankToNull(contactName);
    s.contactEmail = blankToNull(contactEmail);
    s.contactPhone = blankToNull(contactPhone);
    s.senderName = blankToNull(senderName);
    s.informationSheet = blankToNull(informationSheet);
    s.dataProtection = blankToNull(dataProtection);
    // a form without the field keeps the zone; the field emptied is the default
    if (timeZone != null) {
      s.timeZone = timeZone.isBlank() ? StudyTime.DEFAULT_ZONE : timeZone.strip();
    }
  }

  /** Has someone panelists can write to. */
  boolean hasContact() {
    return organisation != null && contactName != null && contactEmail != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
