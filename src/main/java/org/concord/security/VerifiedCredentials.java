package org.concord.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-ins verified a moment ago. HTTP Basic sends the password with every request, and bcrypt is
 * slow on purpose (a quarter of a second at cost 12): checking it each time would let a script with
 * a valid login keep the server's cores busy. A verified email and password is remembered for a
 * short while, under a salted SHA-256 of both (the password itself is not kept), together with the
 * hash it was checked against: a changed password has a new hash, so the entry no longer counts, on
 * this instance and on any other. Bounded in size, oldest first out.
 */
final class VerifiedCredentials {

  private final Duration lifetime;
  private final int maxEntries;
  private final byte[] salt = new byte[16];

  private record Entry(String passwordHash, long expiresNanos) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  VerifiedCredentials(Duration lifetime, int maxEntries) {
    this.lifetime = lifetime;
    this.maxEntries = maxEntries;
    new SecureRandom().nextBytes(salt);
  }

  /** Whether this email and password were verified against {@code passwordHash} a moment ago. */
  boolean contains(String email, String password, String passwordHash) {
    String key = key(email, password);
    synchronized (entries) {
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
  }

  void add(String email, String password, String passwordHash) {
    String key = key(email, password);
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
