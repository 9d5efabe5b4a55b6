package org.concord.response.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the panelist pages, in plain English; {@code messages/msg_cy.properties} holds the
 * Welsh. Templates use them as {@code {msg:key}}; the page's locale picks the language.
 */
@MessageBundle(locale = "en")
public interface PanelistMessages {

  @Message("Skip to main content")
  String skipLink();

  @Message("Concord consultation")
  String siteName();

  @Message("Welcome to round {round}")
  String welcomeHeading(int round);

  @Message("What this study is for")
  String purposeHeading();

  @Message("What we ask you")
  String askedHeading();

  @Message(
      "Please read {total} statements in {sections} sections and say how far you agree with each"
          + " one. You can add a comment to any statement or section if you wish.")
  String asked(int total, int sections);

  @Message(
      "It takes about {minutes} {#if minutes == 1}minute{#else}minutes{/if}. You can save and come"
          + " back later with the same link.")
  String duration(long minutes);

  @Message("This round closes on {date}.")
  String closes(String date);

  @Message("This round has no closing date yet.")
  String noClosingDate();

  @Message("Taking part")
  String consentHeading();

  @Message(
      "I have read the information about the study and I agree to take part. I know I can stop at"
          + " any time.")
  String consentLabel();

  @Message("Please tick the box to agree to take part before you start.")
  String consentMissing();

  @Message("Start")
  String start();

  @Message("Continue")
  String continueButton();

  @Message("Your progress")
  String progressHeading();

  @Message("{answered} of {total} statements answered")
  String answeredOf(int answered, int total);

  @Message("Section {number} of {count} · {answered} of {total} statements answered")
  String progress(int number, int count, String answered, int total);

  @Message("Sections")
  String sectionsHeading();

  @Message("{title} ({answered} of {total} answered)")
  String sectionLink(String title, int answered, int total);

  @Message("You sent your answers on {date}. You can still change them until the round closes.")
  String submittedOn(String date);

  @Message("Statement {number}")
  String statementNumber(int number);

  @Message("How far do you agree?")
  String howFar();

  @Message("Your comment on this statement (optional)")
  String commentLabel();

  @Message("Your comment on this section (optional)")
  String sectionCommentLabel();

  @Message("Why did you change your rating? (optional)")
  String reasonLabel();

  @Message("Save and continue")
  String saveContinue();

  @Message("Back")
  String back();

  @Message(
      "Some of your ratings are now in a different part of the scale from your rating in the last"
          + " round. If you wish, say why in the box under each of them, then continue.")
  String reasonsInvited();

  @Message("Your answers were saved.")
  String saved();

  @Message("There is a problem")
  String errorSummary();

  @Message("Please choose one of the points on the scale.")
  String errorNotAPoint();

  @Message("This statement is not part of the round. Nothing was saved.")
  String errorUnknownStatement();

  @Message("Please choose a number from {min} to {max}.")
  String errorRange(int min, int max);

  @Message("This study asks for a rating on every statement.")
  String errorUnableNotAllowed();

  @Message("This text is too long: at most {max} characters.")
  String errorTooLong(int max);

  @Message("What the panel said in round {round}")
  String feedbackHeading(int round);

  @Message("Ratings in round {round} ({n} people rated this statement)")
  String chartTitle(int round, long n);

  @Message("Number of people who chose each point, from {min} to {max}: ")
  String chartDescription(int min, int max);

  @Message("Rating")
  String ratingColumn();

  @Message("People")
  String peopleColumn();

  @Message("Half the panel rated {median} or higher; the middle half rated between {q1} and {q3}.")
  String medianWords(String median, String q1, String q3);

  @Message("In round {round} you rated this {value} ({label}). Your rating is marked in the chart.")
  String ownPrevious(int round, int value, String label);

  @Message("In round {round} you chose “{label}”.")
  String ownPreviousUnable(int round, String label);

  @Message("You did not rate this statement in round {round}.")
  String ownPreviousNone(int round);

  @Message("(your rating)")
  String yourRating();

  @Message("Ratings in round {round} by stakeholder group")
  String groupsCaption(int round);

  @Message("Group")
  String groupColumn();

  @Message("People who rated")
  String groupRatedColumn();

  @Message("Median")
  String medianColumn();

  @Message("Middle half")
  String middleHalfColumn();

  @Message("{q1} to {q3}")
  String range(String q1, String q3);

  @Message("Comments from the panel (shown without names)")
  String panelComments();

  @Message("Check your answers")
  String reviewHeading();

  @Message("You have answered every statement.")
  String allAnswered();

  @Message("These statements have no answer yet:")
  String unansweredIntro();

  @Message("Answer in section {number}: {title}")
  String answerIn(int number, String title);

  @Message("Send my answers")
  String submit();

  @Message(
      "When you send your answers, we count them. You can still change them until the round"
          + " closes.")
  String submitHint();

  @Message("Thank you")
  String thanksHeading();

  @Message("We have your answers to round {round}. We will email you when there is news.")
  String thanksBody(int round);

  @Message("You can change your answers until the round closes.")
  String changeUntilClose();

  @Message("Change my answers")
  String changeAnswers();

  @Message("This link is not active")
  String inactiveHeading();

  @Message("This link is not active. If you need a new one, contact the study team.")
  String inactiveBody();

  @Message("No round at the moment")
  String noRoundHeading();

  @Message("There is no round for you to answer at the moment. We will email you when there is.")
  String noRoundBody();

  @Message("This page does not exist")
  String notFoundHeading();

  @Message("Check the address, or go back to the start of your questions.")
  String notFoundBody();

  @Message("This round has closed")
  String closedHeading();

  @Message("Round {round} closed on {date}. Thank you for your help.")
  String closedBody(int round, String date);

  @Message("Round {round} has closed. Thank you for your help.")
  String closedBodyNoDate(int round);

  @Message("This form could not be sent")
  String forbiddenHeading();

  @Message(
      "For your safety, we only accept this form from the study's own pages. Please open your"
          + " personal link again and try once more.")
  String forbiddenBody();

  @Message("This form could not be read")
  String malformedFormHeading();

  @Message(
      "What was sent was not a form from the study's pages. Please open your personal link again"
          + " and try once more.")
  String malformedFormBody();

  @Message("Too many answers at once")
  String busyHeading();

  @Message(
      "The study is very busy just now, and your last step was not saved. Please wait a few"
          + " seconds, then go back and send it again.")
  String busyBody();

  @Message("Leave the study")
  String withdrawHeading();

  @Message(
      "If you leave, we will not contact you again. The answers you have already sent stay in"
          + " the study without your name.")
  String withdrawBody();

  @Message("Yes, I want to leave the study")
  String withdrawConfirm();

  @Message("No, take me back")
  String withdrawCancel();

  @Message("You have left the study")
  String goodbyeHeading();

  @Message("We will not contact you again. Thank you for the time you gave to the study.")
  String goodbyeBody();

  @Message(
      "{missing} of the statements have no answer yet. Please answer every statement before you"
          + " send your answers.")
  String notAllAnswered(int missing);

  @Message("Start page")
  String startPage();

  @Message("Check and send")
  String reviewLink();

  // ---- language ----

  /** The language's own name, as the language switch shows it (one line per messages file). */
  @Message("English")
  String languageName();

  @Message("Language")
  String languageSwitch();

  @Message("Strongly disagree")
  String scaleStronglyDisagree();

  @Message("Disagree")
  String scaleDisagree();

  @Message("Mostly disagree")
  String scaleMostlyDisagree();

  @Message("Slightly disagree")
  String scaleSlightlyDisagree();

  @Message("Neither agree nor disagree")
  String scaleNeither();

  @Message("Slightly agree")
  String scaleSlightlyAgree();

  @Message("Mostly agree")
  String scaleMostlyAgree();

  @Message("Agree")
  String scaleAgree();

  @Message("Strongly agree")
  String scaleStronglyAgree();

  @Message("I cannot rate this")
  String unableToRate();

  /** After a section title in another language than the page's, which is marked apart. */
  @Message("({answered} of {total} answered)")
  String sectionAnswered(int answered, int total);

  /** Before a section title in another language than the page's, which is marked apart. */
  @Message("Answer in section {number}:")
  String answerInSection(int number);
}
