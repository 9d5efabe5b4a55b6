package org.concord.panel;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.concord.common.ConcordConfig;
import org.concord.common.PrivateFiles;
import org.concord.web.FailureThrottle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Personal links. A token is HMAC-SHA256(secret, panelist and generation): 256 bits that look
 * random to anyone without the secret. The database keeps only its SHA-256, yet Concord can write
 * the same link into every reminder without storing it; a reissue raises the generation, which
 * changes the link and revokes the old one.
 */
@ApplicationScoped
public class TokenService {

  private static final Logger LOG = Logger.getLogger(TokenService.class);

  @Inject ConcordConfig config;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String databaseKind;

  @Inject EntityManager em;
  @Inject FailureThrottle throttle;

  private volatile byte[] secret;

  /**
   * On PostgreSQL several instances may share the database, and a link written by one must open on
   * every other: a secret generated into each instance's own file would break that. One file shared
   * by all (or one instance) works, so this warns rather than refuses.
   */
  void onStart(@Observes StartupEvent event) {
    if (config.tokenSecret().isEmpty() && !"h2".equals(databaseKind)) {
      LOG.warnf(
          "No CONCORD_TOKEN_SECRET: personal links come from %s. Every instance on this"
              + " database needs the same secret, or links one writes fail on the others.",
          config.tokenSecretFile().toAbsolutePath());
    }
  }

  /** The panelist's current token, creating the first one if needed. */
  public String tokenFor(Panelist panelist) {
    AccessToken current = current(panelist).orElseGet(() -> create(panelist, 1));
    return derive(panelist.id, current.generation);
  }

  /**
   * The current token of each of these panelists of one study, by panelist id, creating a first one
   * where there is none: one query for any number.
   */
  public Map<Long, String> tokensFor(long studyId, List<Panelist> panelists) {
    return derived(
        panelists,
        em.createQuery(
                "select t.panelist.id, t.generation from AccessToken t where t.study.id = :study"
                    + " and t.revokedAt is null",
                Object[].class)
            .setParameter("study", studyId));
  }

  /**
   * The current token of each of these panelists, by panelist id, creating a first one where there
   * is none: one query for the lot, however many studies they belong to.
   */
  public Map<Long, String> tokensOf(Collection<Panelist> panelists) {
    if (panelists.isEmpty()) {
      return Map.of();
    }
    return derived(
        panelists,
        em.createQuery(
                "select t.panelist.id, t.generation from AccessToken t"
                    + " where t.panelist in :panelists and t.revokedAt is null",
                Object[].class)
            .setParameter("panelists", panelists));
  }

  /**
   * Each panelist's token from their current generation ({@code currentGenerations} answers
   * panelist id and generation), creating a first token for a panelist who has none, once even if
   * listed twice.
   */
  private Map<Long, String> derived(
      Collection<Panelist> panelists, TypedQuery<Object[]> currentGenerations) {
    Map<Long, Integer> generations = new HashMap<>();
    currentGenerations
        .getResultStream()
        .forEach(row -> generations.put((Long) row[0], (Integer) row[1]));
    Map<Long, String> tokens = new HashMap<>();
    for (Panelist panelist : panelists) {
      int generation =
          generations.computeIfAbsent(panelist.id, id -> create(panelist, 1).generation);
      tokens.put(panelist.id, derive(panelist.id, generation));
    }
    return tokens;
  }

  /** The address a panelist opens: the personal page of this token. */
  public String link(String token) {
    return config.baseUrl().replaceAll("/+$", "") + "/p/" + token;
  }

  /** Makes sure each panelist has a link, in two statements whatever their number. */
  public void ensureTokens(List<Panelist> panelists) {
    if (panelists.isEmpty()) {
      return;
    }
    Set<Long> withToken =
        new HashSet<>(
            em.createQuery(
                    "select t.panelist.id from AccessToken t where t.panelist in :panelists"
                        + " and t.revokedAt is null",
                    Long.class)
                .setParameter("panelists", panelists)
                .getResultList());
    for (Panelist panelist : panelists) {
      if (!withToken.contains(panelist.id)) {
        create(panelist, 1);
      }
    }
  }

  /** Revokes the current link and makes a new one; returns the new generation. */
  public int reissueGeneration(Panelist panelist) {
    int generation = current(panelist).map(t -> revoke(t).generation).orElse(0) + 1;
    create(panelist, generation);
    return generation;
  }

  /**
   * The panelist a token belongs to, if it is active. Unknown, revoked and withdrawn all give
   * empty, after the same single indexed lookup.
   */
  public Optional<Panelist> resolve(String token) {
    Optional<Panelist> panelist = find(token);
    if (panelist.isEmpty()) {
      // a wrong link counts against the caller's address: guessing links is slowed down
      throttle.failedHere();
    }
    return panelist;
  }

  private Optional<Panelist> find(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return em.createQuery(
            "select t.panelist from AccessToken t join t.panelist p where t.tokenHash = :hash"
                + " and t.revokedAt is null and p.status <> :withdrawn",
            Panelist.class)
        .setParameter("hash", hash(token))
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .getResultStream()
        .findFirst();
  }

  private Optional<AccessToken> current(Panelist panelist) {
    return em.createQuery(
            "select t from AccessToken t where t.panelist = :panelist and t.revokedAt is null",
            AccessToken.class)
        .setParameter("panelist", panelist)
        .getResultStream()
        .findFirst();
  }

  private AccessToken create(Panelist panelist, int generation) {
    AccessToken token = new AccessToken();
    token.study = panelist.study;
    token.panelist = panelist;
    token.generation = generation;
    token.tokenHash = hash(derive(panelist.id, generation));
    em.persist(token);
    return token;
  }

  private static AccessToken revoke(AccessToken token) {
    token.revokedAt = Instant.now();
    return token;
  }

  String derive(long panelistId, int generation) {
    return hmac("concord-link:" + panelistId + ":" + generation);
  }

  /**
   * The hidden value the panelist pages put in every form of a link: only pages this server
   * rendered for that link know it, so another site cannot forge a post even with the link.
   */
  public String formToken(String token) {
    return hmac("concord-form:" + token);
  }

  /** Compares in constant time, so the answer's timing says nothing about the right value. */
  public boolean isFormToken(String token, String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            formToken(token).getBytes(StandardCharsets.UTF_8),
            candidate.getBytes(StandardCharsets.UTF_8));
  }

  private String hmac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
      byte[] bytes = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The configured secret, or one generated on first start into a file beside the data (never in
   * the database, so a copy of the database alone cannot rebuild links).
   */
  private byte[] secret() {
    if (secret == null) {
      synchronized (this) {
        if (secret == null) {
          secret =
              config
                  .tokenSecret()
                  .map(s -> s.getBytes(StandardCharsets.UTF_8))
                  .orElseGet(this::fileSecret);
        }
      }
    }
    return secret;
  }

  private byte[] fileSecret() {
    Path secretFile = config.tokenSecretFile();
    try {
      if (!Files.exists(secretFile)) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        PrivateFiles.createDirectories(secretFile.toAbsolutePath().getParent());
        PrivateFiles.writeNew(secretFile, Base64.getEncoder().encodeToString(random));
      }
      return Base64.getDecoder().decode(Files.readString(secretFile).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the token secret " + secretFile, e);
    }
  }
}
