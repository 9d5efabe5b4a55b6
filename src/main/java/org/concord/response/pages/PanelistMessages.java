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
      "Please read {total} {#when totalPlural}{#is 'one'}statement{#else}statements{/when} in"
          + " {sections} {#when sectionsPlural}{#is 'one'}section{#else}sections{/when} and say how"
          + " far you agree with {#when totalPlural}{#is 'one'}it{#else}each one{/when}. You can add"
          + " a comment to any statement or section if you wish.")
  String asked(int total, int sections, String totalPlural, String sectionsPlural);

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

  @Message("Please tick the box to agree to take part before you start.")
  String consentMissing();

  @Message("Start")
  String start();

  @Message("Continue")
  String continueButton();

  @Message("Your progress")
  String progressHeading();

  @Message(
      "{answered} of {total} {#when plural}{#is 'one'}statement{#else}statements{/when} answered")
  String answeredOf(int answered, int total, String plural);

  @Message(
      "Section {number} of {count} · {answered} of {total}"
          + " {#when plural}{#is 'one'}statement{#else}statements{/when} answered")
  String progress(int number, int count, String answered, int total, String plural);

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

  @Message("Your comment on statement {number} (optional)")
  String commentLabel(int number);

  @Message("Your comment on this section (optional)")
  String sectionCommentLabel();

  @Message("Why did you change your rating of statement {number}? (optional)")
  String reasonLabel(int number);

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

  @Message("How the panel rated statement {statement} in round {round}")
  String feedbackHeading(int statement, int round);

  @Message(
      "Ratings in round {round} ({n} {#when plural}{#is 'one'}person{#else}people{/when} rated this"
          + " statement)")
  String chartTitle(int round, long n, String plural);

  @Message("Number of people who chose each point, from {min} to {max}:")
  String chartDescription(int min, int max);

  @Message("Rating")
  String ratingColumn();

  @Message("People")
  String peopleColumn();

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

  @Message("Comments from the panel (shown without names)")
  String panelComments();

  @Message("Check your answers")
  String reviewHeading();

  @Message("You have answered every statement.")
  String allAnswered();

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

  @Message(
      "This link is not active. If you need a new link or have a question, reply to the email that"
          + " brought you the link, or ask the person who invited you to the study.")
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

  @Message("Round {round} closed on {date}.")
  String closedBody(int round, String date);

  @Message("Round {round} has closed.")
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
      "The answers you have already sent stay in the study and count in its results. There they"
          + " carry a code number, not your name, and other panelists never see who you are.")
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
      "{#when plural}{#is 'one'}1 statement has{#else}{missing} statements have{/when} no answer"
          + " yet. Please answer every statement before you send your answers.")
  String notAllAnswered(int missing, String plural);

  @Message("Start page")
  String startPage();

  @Message("Check and send")
  String reviewLink();

  // ---- options ----

  @Message(
      "Your rating of statement {number} is some way from the panel's middle rating (the median)"
          + " in the last round. You may say why, if you wish. (optional)")
  String reasonFarLabel(int number);

  @Message(
      "Some of your ratings are some way from the panel's middle rating in the last round."
          + " Different views are welcome: you may say why in the box under each of them, if you"
          + " wish, then continue. You do not need to change your ratings.")
  String reasonsInvitedFar();

  @Message(
      "Some of your ratings are now in a different part of the scale from your rating in the last"
          + " round, or some way from the panel's middle rating. You may say why in the box under"
          + " each of them, if you wish, then continue. You do not need to change your ratings.")
  String reasonsInvitedBoth();

  // ---- rating: the scale, the feedback in counts per part of the scale, the chart ----

  @Message(
      "In round {round}, {n} {#when plural}{#is 'one'}person{#else}people{/when} rated this"
          + " statement:")
  String bandsLeadRated(int round, long n, String plural);

  @Message(
      "In round {round}, {n} {#when plural}{#is 'one'}person{#else}people{/when} answered about"
          + " this statement:")
  String bandsLeadAnswered(int round, long n, String plural);

  @Message("In round {round}, nobody rated this statement.")
  String bandsNobody(int round);

  @Message("{count} ({percent}%) agreed (rated {#if low == high}{low}{#else}{low} to {high}{/if})")
  String bandAgree(long count, long percent, int low, int high);

  @Message(
      "{count} ({percent}%) neither agreed nor disagreed (rated {#if low == high}{low}{#else}{low}"
          + " to {high}{/if})")
  String bandNeither(long count, long percent, int low, int high);

  @Message(
      "{count} ({percent}%) disagreed (rated {#if low == high}{low}{#else}{low} to {high}{/if})")
  String bandDisagree(long count, long percent, int low, int high);

  @Message("{count} ({percent}%) chose “{label}”")
  String bandUnable(long count, long percent, String label);

  @Message(
      "{count} {#when plural}{#is 'one'}person{#else}people{/when} chose “{label}”. The"
          + " percentages above leave them out.")
  String unableNotCounted(long count, String plural, String label);

  @Message("Number of people")
  String axisPeople();

  @Message("People who answered")
  String groupAnsweredColumn();

  @Message("Agreed (rated {#if low == high}{low}{#else}{low} to {high}{/if})")
  String agreeColumn(int low, int high);

  @Message("Neither (rated {#if low == high}{low}{#else}{low} to {high}{/if})")
  String neitherColumn(int low, int high);

  @Message("Disagreed (rated {#if low == high}{low}{#else}{low} to {high}{/if})")
  String disagreeColumn(int low, int high);

  // ---- trust ----

  @Message("About this study")
  String footerHeading();

  @Message("{organisation} runs this study.")
  String runBy(String organisation);

  @Message("Questions about the study? Contact the study team:")
  String contactPrompt();

  @Message("Information sheet")
  String informationLink();

  @Message("How we use your data")
  String dataProtectionLink();

  @Message("Information about the study")
  String informationHeading();

  @Message("The study team has not added an information sheet yet. Please ask them for it.")
  String noInformationSheet();

  @Message("How your data are used and protected")
  String dataProtectionHeading();

  @Message(
      "The study team has not added a data-protection statement yet. Please ask them how your"
          + " data are kept.")
  String noDataProtection();

  @Message("Whom to contact")
  String contactHeading();

  @Message("Back to your questions")
  String backToQuestions();

  @Message("I have read the")
  String consentRead();

  @Message("information sheet")
  String consentSheet();

  @Message("and I agree to take part. I know I can stop at any time.")
  String consentAgree();

  @Message("Who is asking")
  String whoHeading();

  @Message(
      "Your answers are kept without your name: in the results they carry a code number, and other"
          + " panelists never see who you are.")
  String answersUse();

  @Message(
      "These are the statements the panel did not yet agree on in round {previous}. With each one"
          + " you will see how the panel answered last time, and your own rating if you gave one."
          + " You may keep your rating or change it: both help the study.")
  String laterRoundIntro(int previous);

  @Message("Thank you: your answers to this round were sent and are counted.")
  String closedThanks();

  @Message("Answers can no longer be sent or changed for this round.")
  String closedNotSent();

  @Message(
      "Round {later} is running now, for the panelists who sent their answers to the round before"
          + " it.")
  String laterRoundForAnswered(int later);

  @Message(
      "Round {later} is running now. You were not invited to it; the study team can tell you why.")
  String laterRoundNotInvited(int later);

  @Message(
      "If you leave, we will not email you again and you will not be asked to take part in later"
          + " rounds.")
  String withdrawLeave();

  @Message("Answers you saved but did not send are not counted.")
  String withdrawDrafts();

  @Message(
      "If you would also like your answers taken out of the study, contact the study team; they"
          + " will tell you what they can do.")
  String withdrawRemove();

  // ---- saving, errors and review ----

  @Message("Error: {title}")
  String errorTitle(String title);

  @Message(
      "{#when plural}{#is 'one'}1 statement has{#else}{missing} statements have{/when} no answer"
          + " yet.")
  String unansweredCount(int missing, String plural);

  @Message("Section {number}: {title}")
  String reviewSection(int number, String title);

  @Message("Your answer:")
  String yourAnswer();

  @Message("Not answered yet")
  String notAnswered();

  @Message("{value}{#if label} ({label}){/if}")
  String ratingAnswer(int value, String label);

  @Message("Your comment:")
  String yourComment();

  @Message("Your comment on this section")
  String yourSectionComment();

  @Message("Change")
  String change();

  @Message("Change your answer to statement {number}")
  String changeAnswerTo(int number);

  @Message("Change your comment on section {number}")
  String changeSectionComment(int number);

  @Message("Would you like to say why you changed your rating?")
  String reasonsQuestion();

  @Message("Your answer was saved.")
  String autosaved();

  @Message("Not saved — the round has closed.")
  String notSavedClosed();

  @Message(
      "Not saved — check your connection; your answer is still on this page, press Save and"
          + " continue.")
  String notSavedNetwork();

  @Message("Not saved — press Save and continue to see what needs changing.")
  String notSavedRefused();

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
}
