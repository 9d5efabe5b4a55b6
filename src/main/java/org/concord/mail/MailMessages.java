package org.concord.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the emails to panelists, in plain English; {@code messages/mail_cy.properties}
 * holds the Welsh. The templates under {@code templates/mail/} use them as {@code {mail:key}};
 * {@link MailRenderer} renders each email in the panelist's language.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

  @Message("Dear {name},")
  String dear(String name);

  @Message(
      "You are invited to round {round} of {study}. We would like to know how far you agree with"
          + " each statement of the guidance. There are no right or wrong answers: your own view is"
          + " what counts.")
  String invited(int round, String study);

  @Message(
      "You are invited to round {round} of {study}. These are the statements the panel did not yet"
          + " agree on in round {previous}. With each one you will see how the panel answered last"
          + " time, and your own rating if you gave one. You may keep your rating or change it.")
  String invitedLater(int round, String study, int previous);

  @Message(
      "A reminder: round {round} of {study} is still open, and we have not yet received your"
          + " answers. Anything you saved is kept.")
  String reminder(int round, String study);

  @Message("Thank you: we have received your answers to round {round} of {study}.")
  String thanks(int round, String study);

  @Message("You can change them until the round closes, with your personal link:")
  String changeUntilClose();

  @Message(
      "Here is your new personal link for {study}. The link you had before no longer works; your"
          + " answers are kept.")
  String newLink(String study);

  @Message("It takes about {minutes} {#if minutes == 1}minute{#else}minutes{/if}.")
  String takes(int minutes);

  @Message("The round closes on {date}.")
  String closesOn(String date);

  @Message("The round has no closing date yet.")
  String noClosingDate();

  @Message("You can save your answers and come back later, on any device, with the same link.")
  String saveAndReturn();

  @Message("Open my questions")
  String openButton();

  @Message("Open your questions here:")
  String openHere();

  @Message("Continue my answers")
  String continueButton();

  @Message("Continue here:")
  String continueHere();

  @Message(
      "This link is personal: please do not forward this email. Other panelists will never see"
          + " your name.")
  String personal();

  @Message("If the button does not work, copy this address into your browser:")
  String copyLink();

  @Message("{organisation} runs this study.")
  String runBy(String organisation);

  @Message("Questions? Contact {contact}.")
  String questions(String contact);

  @Message("You can also reply to this email.")
  String replyHint();

  @Message("Round {round} of {study}")
  String invitationSubject(int round, String study);

  @Message("Reminder: {subject}")
  String reminderSubject(String subject);

  @Message("Thank you for your answers to round {round} of {study}")
  String thankYouSubject(int round, String study);

  @Message("Your new link for {study}")
  String newLinkSubject(String study);

  @Message("The information sheet, and how your data are used:")
  String information();

  @Message("Round {round} is open.")
  String roundOpen(int round);
}
