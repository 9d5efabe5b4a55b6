package org.concord.mail;

/** The emails Concord sends; each has an HTML and a plain-text template under templates/mail/. */
public enum EmailKind {
  INVITATION,
  REMINDER,
  THANK_YOU,
  LINK_REISSUE
}
