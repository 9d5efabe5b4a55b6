package org.concord.guidance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.concord.common.ConcordException;
import org.concord.common.Languages;
import org.concord.guidance.GuidanceViews.ImportSummary;
import org.concord.guidance.TranslationResource.TranslationRequest;
import org.concord.study.Study;
import org.concord.study.StudyRepository;
import org.concord.study.translation.TextKind;
import org.concord.study.translation.Translations;
import org.concord.study.translation.Translations.NewTranslation;
import org.concord.study.translation.Translations.TranslationView;

/**
 * Translations of a study's texts, with their targets checked against the study: a section or
 * statement of its own, a point of its scale. Here, not in {@code study}, because sections and
 * statements are guidance.
 */
@ApplicationScoped
public class TranslationService {

  @Inject Translations translations;
  @Inject StudyRepository studies;
  @Inject GuidanceRepository guidance;
  @Inject GuidanceService guidanceService;

  public List<TranslationView> all(long studyId) {
    studies.require(studyId);
    return translations.all(studyId);
  }

  /** A statement's translations in every language (each names the version it translates). */
  public List<TranslationView> ofStatement(long statementId) {
    Statement statement = guidance.requireStatement(statementId);
    return translations.of(statement.study.id, TextKind.STATEMENT, statementId);
  }

  @Transactional
  public TranslationView put(long studyId, TranslationRequest request) {
    Study study = studies.require(studyId);
    long target = request.target() == null ? 0 : request.target();
    Integer sourceVersion = null;
    switch (request.kind()) {
      case SECTION_TITLE, SECTION_INTRODUCTION -> {
        Section section = guidance.requireSection(target);
        if (!section.study.id.equals(studyId)) {
          throw ConcordException.invalid("target", "This section is not part of the study.");
        }
      }
      case STATEMENT -> {
        Statement statement = guidance.requireStatement(target);
        if (!statement.study.id.equals(studyId)) {
          throw ConcordException.invalid("target", "This statement is not part of the study.");
        }
        List<StatementVersion> versions = guidance.versions(target);
        sourceVersion = versions.get(versions.size() - 1).number;
      }
      case SCALE_LABEL -> {
        if (target < study.protocol.scaleMin || target > study.protocol.scaleMax) {
          throw ConcordException.invalid(
              "target",
              "The scale runs from "
                  + study.protocol.scaleMin
                  + " to "
                  + study.protocol.scaleMax
                  + "; name a point of it.");
        }
      }
      default -> target = 0;
    }
    return translations.put(
        study,
        new NewTranslation(
            request.kind(), target, request.language(), request.text(), sourceVersion));
  }

  /**
   * The language the study's own texts are written in. Panelists reading another language see each
   * text's translation where there is one, else the original marked with this language.
   */
  @Transactional
  public void setStudyLanguage(long studyId, String language) {
    Study study = studies.require(studyId);
    study.language = Languages.require(language, "language");
  }

  public ImportSummary importTranslation(
      long studyId, GuidanceFormat format, String language, byte[] body) {
    return guidanceService.importTranslation(studyId, format, language, body);
  }
}
