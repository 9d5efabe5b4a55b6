package org.concord.consensus;

/**
 * One stakeholder group's statistics and decision; {@code required} under the every-group option.
 */
public record GroupResult(
    String group, ItemStatistics statistics, Decision decision, boolean required) {}
