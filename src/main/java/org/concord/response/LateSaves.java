package org.concord.response;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.concord.common.Texts;
import org.concord.panel.Panelist;
import org.concord.round.LateSaveCount;
import org.concord.round.Round;

/** Keeps a refused late save in its own transaction, so the refusal cannot roll it back. */
@ApplicationScoped
public class LateSaves implements LateSaveCount {

  static final int MAX_PAYLOAD = 20_000;

  @Inject ResponseRepository responses;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void keep(Round round, Panelist panelist, String payload) {
    LateSave save = new LateSave();
    save.round = round;
    save.panelist = panelist;
    save.payload = Texts.fit(payload, MAX_PAYLOAD);
    responses.persist(save);
  }

  @Override
  public long of(long roundId) {
    return responses.countLateSaves(roundId);
  }
}
