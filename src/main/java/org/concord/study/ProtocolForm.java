package org.concord.study;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.Reasons;
import org.concord.consensus.Comparison;
import org.concord.consensus.DenominatorPolicy;
import org.concord.consensus.QuantileMethod;
import org.concord.study.ProtocolSettings.Band;
import org.concord.study.ProtocolSettings.FeedbackSettings;
import org.concord.study.ProtocolSettings.RuleSettings;
import org.concord.study.ProtocolSettings.ScaleSettings;
import org.concord.web.FieldErrors;
import org.concord.web.FormInput;

/**
 * The protocol editor's form: its field names, the saved protocol as form values, the typed values
 * read back into the {@link ProtocolSettings} the API takes (only the chosen rule's parameters),
 * and the choices each group of radio buttons offers, in words for the study team.
 */
final class ProtocolForm {

  static final String REASON = "reason";

  /** The service's field names (as in the API's problem) to the form's. */
  static final Map<String, String> FIELDS = fields();

  private ProtocolForm() {}

  /** One radio button: its id, value, words, hint, and whether it is the one chosen. */
  public record Choice(String id, String value, String label, String hint, boolean checked) {}

  /** The label box of one scale point: its field name, the point, and the label typed. */
  public record Point(String name, int value, String label) {
    public String title() {
      return "Label of point " + value;
    }
  }

  /** The form as the template shows it, besides the typed values themselves. */
  public record View(
      List<Point> labels,
      List<Choice> rules,
      List<Choice> comparisons,
      List<Choice> denominators,
      List<Choice> quantiles,
      List<Choice> eligibilities) {}

  /** The saved protocol as the form's values. */
  static MultivaluedMap<String, String> values(Protocol p) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    put(form, "scaleMin", p.scaleMin);
    put(form, "scaleMax", p.scaleMax);
    for (int i = 0; i < p.scaleLabels.size(); i++) {
      form.putSingle(label(i), p.scaleLabels.get(i));
    }
    put(form, "agreeLow", p.agreeLow);
    put(form, "agreeHigh", p.agreeHigh);
    put(form, "disagreeLow", p.disagreeLow);
    put(form, "disagreeHigh", p.disagreeHigh);
    check(form, "unableToRateAllowed", p.unableToRateAllowed);
    form.putSingle("unableToRateLabel", p.unableToRateLabel);
    put(form, "denominatorPolicy", p.denominatorPolicy);
    check(form, "partialSubmissionAllowed", p.partialSubmissionAllowed);
    put(form, "ruleType", p.ruleType);
    // Every rule's group shows its values: the saved ones for the chosen rule, the defaults for
    // the others (a rule chosen anew starts from its defaults).
    Protocol defaults = new Protocol();
    boolean percent = p.ruleType == RuleType.PERCENT_AGREEMENT;
    boolean comet = p.ruleType == RuleType.COMET;
    put(form, "threshold", percent ? p.percentThreshold : defaults.percentThreshold);
    put(form, "comparison", percent ? p.percentComparison : defaults.percentComparison);
    put(form, "agreeThreshold", comet ? p.cometAgreeThreshold : defaults.cometAgreeThreshold);
    put(form, "disagreeLimit", comet ? p.cometDisagreeLimit : defaults.cometDisagreeLimit);
    form.putSingle(
        "maxIqr", number(p.ruleType == RuleType.MEDIAN_IQR ? p.maxIqr : defaults.maxIqr));
    put(form, "quantileMethod", p.quantileMethod);
    put(form, "minimumN", p.minimumN);
    put(form, "minimumResponsePercent", p.minimumResponsePercent);
    check(form, "everyGroupRequired", p.everyGroupRequired);
    put(form, "minimumGroupSize", p.minimumGroupSize);
    check(form, "showOwnPrevious", p.showOwnPrevious);
    check(form, "showDistribution", p.showDistribution);
    check(form, "showMedianIqr", p.showMedianIqr);
    check(form, "showGroupBreakdown", p.showGroupBreakdown);
    check(form, "showComments", p.showComments);
    put(form, "eligibility", p.eligibility);
    put(form, "maximumRounds", p.maximumRounds);
    put(form, "stabilityThreshold", p.stabilityThreshold);
    check(form, "randomOrder", p.randomOrder);
    check(form, "farFromMedianReason", p.farFromMedianReason);
    if (p.farFromMedianDistance != null) {
      put(form, "farFromMedianDistance", p.farFromMedianDistance);
    }
    return form;
  }

  /**
   * The typed protocol as the API's settings, with only the chosen rule's parameters; what cannot
   * be read goes to {@code errors}. {@code strictLabels}: when the number of points changed and the
   * labels typed do not fit it, refuse (a save) rather than take the usual labels (a preview).
   */
  static ProtocolSettings read(
      FormInput form, Protocol saved, FieldErrors errors, boolean strictLabels) {
    Integer min = whole(form, "scaleMin", "The lowest point", errors);
    Integer max = whole(form, "scaleMax", "The highest point", errors);
    List<String> labels = typedLabels(form);
    if (min != null && max != null) {
      int points = max - min + 1;
      boolean pointsChanged = min != saved.scaleMin || max != saved.scaleMax;
      if (labels.size() != points) {
        if (strictLabels
            && pointsChanged
            && points >= 2
            && points <= ProtocolValidator.MAX_POINTS) {
          errors.add(
              label(0),
              "The scale now has "
                  + points
                  + " points, so it needs "
                  + points
                  + " labels: the boxes below are filled with the usual labels for "
                  + points
                  + " points. Check them and save again.");
        }
        if (pointsChanged || labels.isEmpty()) {
          labels = null;
        }
      }
    }
    Integer agreeLow = whole(form, "agreeLow", "The start of the agree band", errors);
    Integer agreeHigh = whole(form, "agreeHigh", "The end of the agree band", errors);
    Integer disagreeLow = whole(form, "disagreeLow", "The start of the disagree band", errors);
    Integer disagreeHigh = whole(form, "disagreeHigh", "The end of the disagree band", errors);
    boolean unableAllowed = form.checked("unableToRateAllowed");
    String unableLabel = form.get("unableToRateLabel");
    RuleType type = choice(form, "ruleType", RuleType.class, "a consensus rule", errors);
    RuleSettings rule = null;
    if (type != null) {
      rule =
          switch (type) {
            case PERCENT_AGREEMENT ->
                new RuleSettings(
                    type,
                    whole(form, "threshold", "The percentage that must agree", errors),
                    choice(form, "comparison", Comparison.class, "how to compare", errors),
                    null,
                    null,
                    null);
            case COMET ->
                new RuleSettings(
                    type,
                    null,
                    null,
                    whole(form, "agreeThreshold", "The percentage that must agree", errors),
                    whole(form, "disagreeLimit", "The disagreement limit", errors),
                    null);
            case MEDIAN_IQR -> {
              Double maxIqr = form.number("maxIqr", "The largest IQR", errors);
              if (maxIqr == null && !errors.has("maxIqr")) {
                errors.add("maxIqr", "Give the largest IQR, such as 1 or 1.5.");
              }
              yield new RuleSettings(type, null, null, null, null, maxIqr);
            }
            case RAND_UCLA -> new RuleSettings(type, null, null, null, null, null);
          };
    }
    boolean farFromMedian = form.checked("farFromMedianReason");
    // The distance box is read only with its box ticked: otherwise it would not be used.
    Integer distance =
        farFromMedian
            ? whole(form, "farFromMedianDistance", "The distance from the median", errors)
            : null;
    return new ProtocolSettings(
        new ScaleSettings(
            min,
            max,
            labels,
            new Band(agreeLow, agreeHigh),
            new Band(disagreeLow, disagreeHigh),
            unableAllowed,
            // A label left empty while the answer is off keeps the saved one.
            unableLabel.isEmpty() && !unableAllowed ? null : unableLabel),
        rule,
        choice(form, "quantileMethod", QuantileMethod.class, "a quantile method", errors),
        choice(form, "denominatorPolicy", DenominatorPolicy.class, "how they count", errors),
        whole(form, "minimumN", "The minimum n", errors),
        whole(form, "minimumResponsePercent", "The minimum response", errors),
        form.checked("everyGroupRequired"),
        whole(form, "minimumGroupSize", "The minimum group size", errors),
        whole(form, "maximumRounds", "The maximum number of rounds", errors),
        whole(form, "stabilityThreshold", "The stability threshold", errors),
        choice(form, "eligibility", Eligibility.class, "who is invited", errors),
        form.checked("partialSubmissionAllowed"),
        new FeedbackSettings(
            form.checked("showOwnPrevious"),
            form.checked("showDistribution"),
            form.checked("showMedianIqr"),
            form.checked("showGroupBreakdown"),
            form.checked("showComments")),
        form.checked("randomOrder"),
        farFromMedian,
        distance,
        null);
  }

  /** The reason a change of a locked protocol needs; the message beside the field when missing. */
  static String reason(FormInput form, boolean locked, FieldErrors errors) {
    String reason = form.text(REASON);
    if (locked && reason == null) {
      errors.add(
          REASON,
          "Say why the protocol changes: it locked when round 1 opened, and the reason goes to"
              + " the audit log and the report.");
    } else if (reason != null && reason.length() > Reasons.MAX_LENGTH) {
      errors.add(
          REASON,
          "The reason must be at most "
              + String.format("%,d", Reasons.MAX_LENGTH)
              + " characters; it has "
              + String.format("%,d", reason.length())
              + ".");
    }
    return reason;
  }

  /** The form's label boxes and radio buttons for the values typed (or saved). */
  static View view(FormInput form) {
    return new View(
        points(form),
        List.of(
            choice(
                form,
                "ruleType",
                RuleType.PERCENT_AGREEMENT,
                "Percent agreement",
                "A set share of panelists rate in the agree band (for consensus out: in the"
                    + " disagree band). Simple and common; 75% is usual."),
            choice(
                form,
                "ruleType",
                RuleType.COMET,
                "COMET/GRADE",
                "Enough panelists agree and few disagree: by default at least 70% rate in the agree"
                    + " band and fewer than 15% in the disagree band. Used for core outcome sets"
                    + " and GRADE guidelines."),
            choice(
                form,
                "ruleType",
                RuleType.MEDIAN_IQR,
                "Median and interquartile range",
                "The middle rating (median) lies in a band and the ratings are close together"
                    + " (a small interquartile range, the spread of the middle half)."),
            choice(
                form,
                "ruleType",
                RuleType.RAND_UCLA,
                "RAND/UCLA appropriateness method",
                "For a 1–9 scale only: the median decides (7–9 in, 1–3 out) unless the panel"
                    + " disagrees, as the interpercentile range test says.")),
        List.of(
            choice(
                form,
                "comparison",
                Comparison.AT_LEAST,
                "At least the percentage",
                "With 70% and 10 ratings, 7 are enough."),
            choice(
                form,
                "comparison",
                Comparison.MORE_THAN,
                "More than the percentage",
                "With 70% and 10 ratings, 8 are needed.")),
        List.of(
            choice(
                form,
                "denominatorPolicy",
                DenominatorPolicy.EXCLUDE,
                "Leave them out of the count",
                "The usual choice: percentages are of those who rated the statement."),
            choice(
                form,
                "denominatorPolicy",
                DenominatorPolicy.INCLUDE_AS_NEUTRAL,
                "Count them as neither agreeing nor disagreeing",
                "They lower both percentages, so consensus is harder to reach."),
            choice(
                form,
                "denominatorPolicy",
                DenominatorPolicy.INCLUDE_AS_DISAGREE,
                "Count them as disagreement",
                "The strictest choice: not being able to rate counts against the statement.")),
        List.of(
            choice(
                form,
                "quantileMethod",
                QuantileMethod.TYPE_7,
                "Type 7",
                "As R, numpy and Excel's PERCENTILE.INC compute them; the usual choice."),
            choice(
                form,
                "quantileMethod",
                QuantileMethod.TYPE_6,
                "Type 6",
                "As SPSS and Excel's PERCENTILE.EXC compute them.")),
        List.of(
            choice(
                form,
                "eligibility",
                Eligibility.SUBMITTED_PREVIOUS_ROUND,
                "Only those who submitted the previous round",
                "The usual Delphi practice."),
            choice(
                form,
                "eligibility",
                Eligibility.ALL_ACTIVE,
                "Everyone who has not withdrawn",
                "Panelists who missed a round are invited again.")));
  }

  /**
   * One box per point of the scale typed; when the labels typed do not fit it (the number of points
   * changed), the usual labels for that many points.
   */
  private static List<Point> points(FormInput form) {
    List<String> typed = typedLabels(form);
    List<String> shown = typed;
    try {
      int min = Integer.parseInt(form.get("scaleMin"));
      int max = Integer.parseInt(form.get("scaleMax"));
      int points = max - min + 1;
      if (points >= 2 && points <= ProtocolValidator.MAX_POINTS && typed.size() != points) {
        shown = Protocol.agreementLabels(points);
      }
      List<Point> boxes = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        boxes.add(new Point(label(i), min + i, shown.get(i)));
      }
      return boxes;
    } catch (NumberFormatException e) {
      List<Point> boxes = new ArrayList<>();
      for (int i = 0; i < typed.size(); i++) {
        boxes.add(new Point(label(i), i + 1, typed.get(i)));
      }
      return boxes;
    }
  }

  private static List<String> typedLabels(FormInput form) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < ProtocolValidator.MAX_POINTS; i++) {
      if (form.all(label(i)).isEmpty()) {
        break;
      }
      labels.add(form.get(label(i)));
    }
    return labels;
  }

  static String label(int index) {
    return "label" + index;
  }

  private static Choice choice(
      FormInput form, String name, Enum<?> value, String label, String hint) {
    // The first button of a group carries the group's name as its id: the error summary links it.
    boolean first = value.ordinal() == 0;
    return new Choice(
        first ? name : name + "-" + value.name(),
        value.name(),
        label,
        hint,
        value.name().equals(form.get(name)));
  }

  private static Integer whole(FormInput form, String name, String label, FieldErrors errors) {
    Integer value = form.integer(name, label, errors);
    if (value == null && !errors.has(name)) {
      errors.add(name, label + " is needed: give a whole number.");
    }
    return value;
  }

  private static <E extends Enum<E>> E choice(
      FormInput form, String name, Class<E> type, String what, FieldErrors errors) {
    String value = form.get(name);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return e;
      }
    }
    errors.add(name, "Choose " + what + ".");
    return null;
  }

  private static void put(MultivaluedMap<String, String> form, String name, Object value) {
    form.putSingle(name, String.valueOf(value));
  }

  private static void check(MultivaluedMap<String, String> form, String name, boolean on) {
    if (on) {
      form.putSingle(name, "yes");
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("protocol.scale.min", "scaleMin");
    fields.put("protocol.scale.max", "scaleMax");
    fields.put("protocol.scale.labels", label(0));
    for (int i = 0; i < ProtocolValidator.MAX_POINTS; i++) {
      fields.put("protocol.scale.labels[" + i + "]", label(i));
    }
    fields.put("protocol.scale.agree", "agreeLow");
    fields.put("protocol.scale.disagree", "disagreeLow");
    fields.put("protocol.scale.unableToRateLabel", "unableToRateLabel");
    fields.put("protocol.rule.type", "ruleType");
    for (RuleType type : RuleType.values()) {
      for (String parameter : type.parameters()) {
        fields.put("protocol.rule." + parameter, parameter);
      }
    }
    for (String name :
        List.of(
            "minimumN",
            "minimumResponsePercent",
            "minimumGroupSize",
            "maximumRounds",
            "stabilityThreshold",
            "farFromMedianDistance")) {
      fields.put("protocol." + name, name);
    }
    return Map.copyOf(fields);
  }
}
