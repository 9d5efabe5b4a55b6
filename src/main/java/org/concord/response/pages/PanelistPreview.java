package org.concord.response.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.concord.common.ConcordException;
import org.concord.response.PanelistViews.RoundPage;
import org.concord.response.pages.PageViews.Chrome;
import org.concord.response.pages.PageViews.SectionPage;

/**
 * A section of a round as a panelist will see it, for the study team before the round opens: the
 * same view model and statement markup as the panelist's section page ({@link PanelistPages}), for
 * a panelist who has answered nothing and has no earlier rating, with no form that could save.
 */
public final class PanelistPreview {

  @CheckedTemplate(basePath = "panelist")
  static class Templates {
    static native TemplateInstance preview(SectionPage page, Frame frame);
  }

  /**
   * What the preview adds around the panelist's page: where it came from and its other sections.
   * {@code back} is the console page to return to.
   */
  @TemplateData
  public record Frame(
      int round,
      String back,
      String backLabel,
      String note,
      List<SectionLink> sections,
      SectionLink previous,
      SectionLink next) {}

  @TemplateData
  public record SectionLink(int number, String title, String href, boolean current) {}

  private PanelistPreview() {}

  /**
   * Section {@code number} (from 1) of the round page, in English; {@code sectionHref} makes the
   * address of a section's preview from its number.
   */
  public static TemplateInstance section(
      FeedbackFragments fragments,
      RoundPage page,
      int number,
      String back,
      String backLabel,
      String note,
      IntFunction<String> sectionHref) {
    if (number < 1 || number > page.sections().size()) {
      throw ConcordException.notFound("Section of the round", number);
    }
    Chrome chrome = new Chrome("en", null, "", page.study(), null, page.studyInfo());
    SectionPage section =
        PageModels.section(fragments, chrome, page, number, null, Map.of(), false, false);
    List<SectionLink> links = new ArrayList<>();
    for (int i = 1; i <= page.sections().size(); i++) {
      links.add(
          new SectionLink(
              i, page.sections().get(i - 1).title(), sectionHref.apply(i), i == number));
    }
    Frame frame =
        new Frame(
            page.round(),
            back,
            backLabel,
            note,
            links,
            number > 1 ? links.get(number - 2) : null,
            number < links.size() ? links.get(number) : null);
    return Templates.preview(section, frame).setLocale(Locale.ENGLISH);
  }
}
