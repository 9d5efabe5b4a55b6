package org.concord.study;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.concord.common.ConcordException;

@ApplicationScoped
public class StudyRepository implements PanacheRepository<Study> {

  public Study require(long id) {
    Study study = findById(id);
    if (study == null) {
      throw ConcordException.notFound("Study", id);
    }
    return study;
  }
}
