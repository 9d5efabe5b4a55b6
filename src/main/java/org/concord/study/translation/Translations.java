package org.concord.study.translation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordException;
import org.concord.common.Languages;
import org.concord.study.Study;

/**
 * A study's texts in other languages: stored one row per text and language, read a whole language
 * at a time so that a page costs one query however many statements it shows.
 */
@ApplicationScoped
public class Translations {

  @Inject TranslationRepository repository;

  /** A study's own text as shown: in the wanted language, or the original in its own language. */
  public record Shown(String text, String lang) {}

  /** What a translation is of, as the API and the console name it. */
  public record TranslationView(
      TextKind kind, long target, String language, String text, Integer sourceVersion) {
    static TranslationView of(Translation t) {
      return new TranslationView(t.kind, t.targetId, t.language, t.text, t.sourceVersion);
    }
  }

  /** A translation to store: its text, and for a statement the version it translates. */
  public record NewTranslation(
      TextKind kind, long target, String language, String text, Integer sourceVersion) {}

  /**
   * The texts of one study in one language, for a page. A text without a translation (or whose
   * translation is of an older wording) is shown in the original, with the study's language.
   */
  public static final class Lookup {
    private final String language;
    private final String original;
    private final Map<String, Translation> byKey;

    Lookup(String language, String original, List<Translation> translations) {
      this.language = language;
      this.original = original;
      this.byKey = new HashMap<>();
      translations.forEach(t -> byKey.put(key(t.kind, t.targetId), t));
    }

    /** The language the page wants. */
    public String language() {
      return language;
    }

    /** The language the study's own texts are written in. */
    public String original() {
      return original;
    }

    public Shown text(TextKind kind, long target, String text) {
      if (text == null) {
        return new Shown(null, original);
      }
      Translation t = language.equals(original) ? null : byKey.get(key(kind, target));
      return t == null ? new Shown(text, original) : new Shown(t.text, language);
    }

    /** A study text that is not tied to a section, statement or point. */
    public Shown text(TextKind kind, String text) {
      return text(kind, 0, text);
    }

    /** A statement's wording, translated only when the translation is of this very version. */
    public Shown statement(long statementId, int version, String text) {
      Translation t =
          language.equals(original) ? null : byKey.get(key(TextKind.STATEMENT, statementId));
      if (t == null || t.sourceVersion == null || t.sourceVersion != version) {
        return new Shown(text, original);
      }
      return new Shown(t.text, language);
    }

    /** Whether every one of {@code points} scale labels has a translation. */
    public boolean allLabels(int min, int max) {
      for (int v = min; v <= max; v++) {
        if (!byKey.containsKey(key(TextKind.SCALE_LABEL, v))) {
          return false;
        }
      }
      return true;
    }

    private static String key(TextKind kind, long target) {
      return kind.name() + ":" + target;
    }
  }

  /** One query: every translation of the study into {@code language}. */
  public Lookup lookup(Study study, String language) {
    String original = study.language == null ? Languages.DEFAULT : study.language;
    List<Translation> found =
        language.equals(original) ? List.of() : repository.inLanguage(study.id, language);
    return new Lookup(language, original, found);
  }

  public List<TranslationView> all(long studyId) {
    return repository.all(studyId).stream().map(TranslationView::of).toList();
  }

  public List<TranslationView> of(long studyId, TextKind kind, long target) {
    return repository.of(studyId, kind, target).stream().map(TranslationView::of).toList();
  }

  /**
   * Stores or replaces one translation; an empty text removes it. The caller has checked that the
   * target belongs to the study; the language and length are checked here.
   */
  @Transactional
  public TranslationView put(Study study, NewTranslation n) {
    String language = checkLanguage(study, n.language(), "language");
    String text = n.text() == null ? "" : n.text().strip();
    if (text.length() > n.kind().maxLength()) {
      throw ConcordException.invalid(
          "text",
          "The translation has "
              + text.length()
              + " characters; the limit is "
              + n.kind().maxLength()
              + ".");
    }
    long target = n.kind().targeted() ? n.target() : 0;
    Translation existing = repository.find(study.id, language, n.kind(), target).orElse(null);
    if (text.isEmpty()) {
      if (existing != null) {
        repository.delete(existing);
      }
      return null;
    }
    if (existing == null) {
      existing = new Translation();
      existing.study = study;
      existing.kind = n.kind();
      existing.targetId = target;
      existing.language = language;
      existing.text = text;
      existing.sourceVersion = n.sourceVersion();
      repository.persist(existing);
    }
    existing.text = text;
    existing.sourceVersion = n.sourceVersion();
    return TranslationView.of(existing);
  }

  /** Stores the translations of an import; the file was checked whole before. */
  @Transactional
  public void putAll(Study study, List<NewTranslation> translations) {
    translations.forEach(t -> put(study, t));
  }

  /**
   * A language a study can be translated into: one Concord speaks, other than the study's own.
   * Returns it normalised ("CY" → "cy").
   */
  public static String checkLanguage(Study study, String tag, String field) {
    String language = Languages.require(tag, field);
    if (language.equals(study.language)) {
      throw ConcordException.invalid(
          field,
          "The study is written in \""
              + language
              + "\" already; a translation is into another language.");
    }
    return language;
  }
}
