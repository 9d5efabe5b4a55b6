package org.concord.response;

public enum ResponseState {
  DRAFT,
  SUBMITTED
}
