package org.concord.round;

import java.util.List;
import org.concord.guidance.StatementVersion;

/**
 * The wordings that panelists' comments were written on, for a statement the team adds from them;
 * the response feature provides it, so that the round feature does not reach into responses.
 */
public interface CommentedVersions {

  /**
   * The statement versions of these comments of the study (a section comment adds none); refuses a
   * comment that is not the study's, naming the field {@code commentIds}.
   */
  List<StatementVersion> of(long studyId, List<Long> commentIds);
}
