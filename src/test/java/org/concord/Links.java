package org.concord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.Mail;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Personal links as panelists receive them by email. */
public final class Links {

  public static final Pattern LINK = Pattern.compile("/p/([A-Za-z0-9_-]{43})");

  private Links() {}

  /** The token of the link in a mail, checked to be in both the plain-text and the HTML body. */
  public static String tokenIn(Mail mail) {
    assertThat("the plain-text body is not HTML", mail.getText().contains("<a "), equalTo(false));
    assertThat("the HTML body is HTML", mail.getHtml().contains("<a "), equalTo(true));
    Matcher text = LINK.matcher(mail.getText());
    assertThat("link in the plain-text body", text.find(), equalTo(true));
    Matcher html = LINK.matcher(mail.getHtml());
    assertThat("link in the HTML body", html.find(), equalTo(true));
    assertThat(html.group(1), equalTo(text.group(1)));
    return text.group(1);
  }
}
