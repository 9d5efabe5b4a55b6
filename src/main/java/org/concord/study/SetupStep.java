package org.concord.study;

/**
 * One line of a study's set-up checklist: whether it is done, what is there or missing, and the
 * console page that does it. Each feature contributes its own ({@link SetupCheck}).
 */
public record SetupStep(int order, String name, boolean done, String detail, String page) {}
