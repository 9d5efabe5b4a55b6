package org.concord.study.translation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TranslationRepository implements PanacheRepository<Translation> {

  /** Every translation of a study into one language: one query for a whole round's page. */
  public List<Translation> inLanguage(long studyId, String language) {
    return list("study.id = ?1 and language = ?2", studyId, language);
  }

  /** Every translation of a study, in every language, for the console and the API. */
  public List<Translation> all(long studyId) {
    return list("study.id = ?1 order by language, kind, targetId", studyId);
  }

  /** The translations of some kinds of text, in every language (e.g. a statement's page). */
  public List<Translation> of(long studyId, TextKind kind, long targetId) {
    return list(
        "study.id = ?1 and kind = ?2 and targetId = ?3 order by language", studyId, kind, targetId);
  }

  public Optional<Translation> find(long studyId, String language, TextKind kind, long targetId) {
    return find(
            "study.id = ?1 and language = ?2 and kind = ?3 and targetId = ?4",
            studyId,
            language,
            kind,
            targetId)
        .firstResultOptional();
  }
}
