package org.concord.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Sign-ins verified a moment ago. HTTP Basic sends the password with every request, and bcrypt is
 * slow on purpose (a quarter of a second at cost 12): checking it each time would let a script with
 * a valid login keep the server's cores busy. A verified email and password is remembered for a
 * short while, under a salted SHA-256 of both (the password itself is not kept), together with the
 * hash it was checked against: a changed password has a new hash, so the entry no longer counts, on
 * this instance and on any other. Bounded in size, oldest first out.
 *
 * <p>Sign-ins with the same email and password that arrive while one of them is being checked wait
 * for that check instead of running their own: a script's burst of calls, at its start or when its
 * entry expires, costs one bcrypt check and not one per connection.
 */
final class VerifiedCredentials {

  private final Duration lifetime;
  private final int maxEntries;
  private final byte[] salt = new byte[16];

  private record Entry(String passwordHash, long expiresNanos) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Checks running now, by key and hash; guarded by {@code entries} as the entries are. */
  private final Map<String, CompletableFuture<Boolean>> checking = new HashMap<>();

  VerifiedCredentials(Duration lifetime, int maxEntries) {
    this.lifetime = lifetime;
    this.maxEntries = maxEntries;
    new SecureRandom().nextBytes(salt);
  }

  /**
   * Whether {@code password} is right for {@code email}, whose stored hash is {@code passwordHash}:
   * true at once when verified a moment ago; otherwise {@code check} decides (a bcrypt
   * verification), run by the first of any sign-ins with the same credentials at once while the
   * others wait for its answer. A right password is remembered for the lifetime; a wrong one never.
   */
  boolean verify(String email, String password, String passwordHash, BooleanSupplier check) {
    String key = key(email, password);
    String checkKey = key + ' ' + passwordHash;
    CompletableFuture<Boolean> running;
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    synchronized (entries) {
      if (remembered(key, passwordHash)) {
        return true;
      }
      running = checking.putIfAbsent(checkKey, mine);
    }
    if (running != null) {
      return running.join();
    }
    try {
      boolean right = check.getAsBoolean();
      if (right) {
        add(key, passwordHash);
      }
      mine.complete(right);
      return right;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (entries) {
        checking.remove(checkKey, mine);
      }
    }
  }

  private boolean remembered(String key, String passwordHash) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return false;
    }
    if (System.nanoTime() - entry.expiresNanos >= 0 || !entry.passwordHash.equals(passwordHash)) {
      entries.remove(key);
      return false;
    }
    return true;
  }

  private void add(String key, String passwordHash) {
    synchronized (entries) {
      entries.remove(key);
      if (entries.size() >= maxEntries) {
        var oldest = entries.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
      entries.put(key, new Entry(passwordHash, System.nanoTime() + lifetime.toNanos()));
    }
  }

  private String key(String email, String password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      sha256.update(email.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
