package org.concord.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void paragraphsHeadingsListsEmphasisAndLinks() {
    assertThat(
        Markdown.toHtml(
            "## Taking part\nYou can stop\nat any time.\n\n1. Read\n2. Rate\n   carefully\n\n"
                + "- a *b* **c** snake_case_word\n\nWrite to [us](mailto:team@example.org)."),
        equalTo(
            "<h3>Taking part</h3>\n<p>You can stop at any time.</p>\n"
                + "<ol>\n<li>Read</li>\n<li>Rate carefully</li>\n</ol>\n"
                + "<ul>\n<li>a <em>b</em> <strong>c</strong> snake_case_word</li>\n</ul>\n"
                + "<p>Write to <a href=\"mailto:team@example.org\">us</a>.</p>\n"));
  }

  @Test
  void rawHtmlAndUnsafeLinksComeOutAsText() {
    assertThat(
        Markdown.toHtml("<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](\"><b>)"),
        equalTo(
            "<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1))"
                + " [y](&quot;&gt;&lt;b&gt;)</p>\n"));
    assertThat(Markdown.toHtml(null), equalTo(""));
  }
}
