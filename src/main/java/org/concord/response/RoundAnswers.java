package org.concord.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.guidance.StatementVersion;
import org.concord.round.CommentedVersions;
import org.concord.round.RoundItem;
import org.concord.round.RoundRepository;

/**
 * What panelists wrote in a round as the study team reviews it: the comments, which of them are
 * released as feedback, and the saves that arrived after the round closed.
 */
@ApplicationScoped
public class RoundAnswers implements CommentedVersions {

  @Inject ResponseRepository responses;
  @Inject RoundRepository rounds;
  @Inject EntityManager em;

  public record CommentView(
      Long id,
      Long itemId,
      Long sectionId,
      String group,
      String text,
      boolean released,
      Instant createdAt) {}

  public record LateSaveView(Long id, Long panelistId, String payload, Instant receivedAt) {}

  /**
   * A late save as the console lists it: who sent it (the coordinator's page, so by name) and what
   * it said, one plain line per answer.
   */
  public record LateSaveLines(
      Long id,
      Long panelistId,
      String panelist,
      String group,
      Instant receivedAt,
      List<String> lines) {}

  public Page<CommentView> comments(long roundId, PageRequest page) {
    rounds.require(roundId);
    List<CommentView> items =
        responses.roundComments(roundId, page.page, page.size).stream()
            .map(
                c ->
                    new CommentView(
                        c.id,
                        c.item == null ? null : c.item.id,
                        c.section == null ? null : c.section.id,
                        c.response.panelist.group.name,
                        c.text,
                        c.released,
                        c.createdAt))
            .toList();
    return new Page<>(items, page.page, page.size, responses.countRoundComments(roundId));
  }

  @Transactional
  public void release(long commentId, boolean released) {
    ResponseComment comment = em.find(ResponseComment.class, commentId);
    if (comment == null) {
      throw ConcordException.notFound("Comment", commentId);
    }
    comment.released = released;
  }

  /**
   * Releases or withholds a comment written in round {@code roundId}; another round's is not found.
   */
  @Transactional
  public void release(long roundId, long commentId, boolean released) {
    ResponseComment comment = em.find(ResponseComment.class, commentId);
    if (comment == null || !comment.response.round.id.equals(roundId)) {
      throw ConcordException.notFound("Comment", commentId);
    }
    comment.released = released;
  }

  public List<LateSaveView> lateSaves(long roundId) {
    rounds.require(roundId);
    return responses.lateSaves(roundId).stream()
        .map(l -> new LateSaveView(l.id, l.panelist.id, l.payload, l.createdAt))
        .toList();
  }

  /**
   * The round's late saves with what each said in words, in three queries whatever their number.
   */
  public List<LateSaveLines> lateSaveLines(long roundId) {
    rounds.require(roundId);
    List<LateSave> saves = responses.lateSaves(roundId);
    if (saves.isEmpty()) {
      return List.of();
    }
    Map<Long, String> statements = new HashMap<>();
    Map<Long, String> sections = new HashMap<>();
    for (RoundItem item : rounds.items(roundId)) {
      statements.put(item.id, "\u201c" + item.version.text + "\u201d");
      sections.put(
          item.statement.section.id,
          "the section \u201c" + item.statement.section.title + "\u201d");
    }
    return saves.stream()
        .map(
            l ->
                new LateSaveLines(
                    l.id,
                    l.panelist.id,
                    l.panelist.name,
                    l.panelist.group.name,
                    l.createdAt,
                    LateSaveWords.of(l.payload, statements, sections)))
        .toList();
  }

  @Override
  public List<StatementVersion> of(long studyId, List<Long> commentIds) {
    List<StatementVersion> versions = new ArrayList<>();
    for (Long commentId : commentIds) {
      ResponseComment comment = em.find(ResponseComment.class, commentId);
      if (comment == null || !comment.response.round.study.id.equals(studyId)) {
        throw ConcordException.invalid(
            "commentIds", "Comment " + commentId + " is not a comment of this study.");
      }
      if (comment.item != null) {
        versions.add(comment.item.version);
      }
    }
    return versions;
  }
}
