package org.concord.guidance;

/** Where a section or statement moves: one place up (earlier) or down (later). */
public enum Direction {
  UP,
  DOWN
}
