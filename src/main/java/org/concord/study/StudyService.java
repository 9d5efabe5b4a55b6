package org.concord.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.concord.common.ConcordException;
import org.concord.common.Page;
import org.concord.common.PageRequest;
import org.concord.common.Problem.FieldError;

@ApplicationScoped
public class StudyService {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject StudyRepository studies;
  @Inject AuditLog audit;

  public Page<Study> list(PageRequest request) {
    var query = studies.findAll(Sort.by("id"));
    query.page(request.page, request.size);
    return new Page<>(query.list(), request.page, request.size, query.count());
  }

  public Study get(long id) {
    return studies.require(id);
  }

  @Transactional
  public Study create(String title, String description, ProtocolSettings protocol) {
    Study study = new Study();
    study.title = title.strip();
    study.description = description;
    if (protocol != null) {
      if (protocol.reason() != null) {
        throw ConcordException.invalid(
            "protocol.reason", "A reason goes with a change of the protocol, not a new study.");
      }
      apply(protocol, study.protocol);
    } else {
      requireValid(study.protocol, List.of());
    }
    studies.persist(study);
    return study;
  }

  @Transactional
  public Study update(long id, String title, String description) {
    Study study = studies.require(id);
    if (title != null) {
      study.title = title.strip();
    }
    if (description != null) {
      study.description = description;
    }
    return study;
  }

  /** Replaces the study's details (contact, information sheet), audited as a team action. */
  @Transactional
  public Study changeDetails(long id, StudyDetails details, String actor) {
    List<FieldError> errors = new ArrayList<>();
    if (details.contactEmail() != null
        && !details.contactEmail().isBlank()
        && !details.contactEmail().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add(
          FieldError.field("contactEmail", "Enter an email address, such as team@example.org."));
    }
    if (details.timeZone() != null
        && !details.timeZone().isBlank()
        && !StudyTime.isZone(details.timeZone())) {
      errors.add(
          FieldError.field(
              "timeZone",
              "Enter a time zone by its IANA name, such as Europe/London or UTC; \""
                  + details.timeZone().strip()
                  + "\" is not one."));
    }
    if (!errors.isEmpty()) {
      throw ConcordException.invalid(errors.get(0).message(), errors);
    }
    Study study = studies.require(id);
    details.applyTo(study);
    audit.record(study, actor, "details-changed", "Study details changed.");
    return study;
  }

  /**
   * Applies the present fields; an invalid result is refused whole and nothing changes. Once round
   * 1 has opened the protocol is locked: a change then needs a reason, and the audit log keeps the
   * protocol before and after.
   */
  @Transactional
  public Study changeProtocol(long id, ProtocolSettings settings, String reason, String actor) {
    Study study = studies.require(id);
    boolean locked = study.protocolLockedAt != null;
    if (locked && (reason == null || reason.isBlank())) {
      throw ConcordException.conflict(
          "The protocol locked when round 1 opened ("
              + study.protocolLockedAt
              + "). A change now needs a reason, which the report prints: send ?reason=… or \"reason\" in the body");
    }
    String before = json(ProtocolSettings.of(study.protocol));
    apply(settings, study.protocol);
    if (locked) {
      audit.record(
          study,
          actor,
          "protocol-changed",
          "Reason: "
              + reason.strip()
              + "\nBefore: "
              + before
              + "\nAfter: "
              + json(ProtocolSettings.of(study.protocol)));
    }
    return study;
  }

  /**
   * The study's protocol as it would be with {@code settings} applied, checked as a change is, and
   * nothing stored: what the protocol editor previews.
   */
  public Protocol preview(long id, ProtocolSettings settings) {
    Protocol candidate = copyOf(studies.require(id).protocol);
    apply(settings, candidate);
    return candidate;
  }

  /** Applies the settings to {@code target} when the result is valid; refuses them otherwise. */
  private static void apply(ProtocolSettings settings, Protocol target) {
    List<FieldError> wrongRule =
        new ArrayList<>(ProtocolValidator.ruleParameters(settings.rule(), target.ruleType));
    wrongRule.addAll(ProtocolValidator.misplaced(settings, target));
    Protocol candidate = copyOf(target);
    settings.applyTo(candidate);
    requireValid(candidate, wrongRule);
    settings.applyTo(target);
  }

  private static String json(ProtocolSettings settings) {
    try {
      return JSON.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Protocol copyOf(Protocol p) {
    Protocol copy = new Protocol();
    ProtocolSettings.of(p).applyTo(copy);
    return copy;
  }

  private static void requireValid(Protocol protocol, List<FieldError> found) {
    List<FieldError> errors = new ArrayList<>(found);
    errors.addAll(ProtocolValidator.validate(protocol));
    if (!errors.isEmpty()) {
      throw ConcordException.invalid(
          "The protocol is not valid: "
              + String.join(" ", errors.stream().map(FieldError::message).toList()),
          errors.stream()
              .map(e -> FieldError.field("protocol." + e.field(), e.message()))
              .toList());
    }
  }
}
