package org.concord.study;

import java.util.List;

/**
 * What a feature says about a study's set-up: guidance imported, a panel, round 1. The study's
 * overview collects them from every feature, so the study feature needs none of theirs.
 */
public interface SetupCheck {
  List<SetupStep> steps(Study study);
}
