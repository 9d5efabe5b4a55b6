package org.concord.panel;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.concord.common.ConcordException;
import org.concord.common.PageRequest;

/** Panelists and stakeholder groups; each list is one SQL statement. */
@ApplicationScoped
public class PanelRepository implements PanacheRepository<Panelist> {

  @Inject EntityManager em;

  public Panelist require(long id) {
    Panelist panelist = findById(id);
    if (panelist == null) {
      throw ConcordException.notFound("Panelist", id);
    }
    return panelist;
  }

  public StakeholderGroup requireGroup(long id) {
    StakeholderGroup group = em.find(StakeholderGroup.class, id);
    if (group == null) {
      throw ConcordException.notFound("Stakeholder group", id);
    }
    return group;
  }

  /** The panelists who have not withdrawn, of one group or all, with their group loaded. */
  public List<Panelist> active(long studyId, Long groupId) {
    return em.createQuery(
            "select p from Panelist p join fetch p.group g where p.study.id = :study"
                + " and (:group is null or g.id = :group) and p.status <> :withdrawn order by p.id",
            Panelist.class)
        .setParameter("study", studyId)
        .setParameter("group", groupId)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .getResultList();
  }

  public Set<String> emailKeys(long studyId) {
    return new HashSet<>(
        em.createQuery("select p.emailKey from Panelist p where p.study.id = :study", String.class)
            .setParameter("study", studyId)
            .getResultList());
  }

  public boolean emailTaken(long studyId, String emailKey, Long exceptId) {
    return em.createQuery(
                "select count(p) from Panelist p where p.study.id = :study and p.emailKey = :key"
                    + " and (:except is null or p.id <> :except)",
                Long.class)
            .setParameter("study", studyId)
            .setParameter("key", emailKey)
            .setParameter("except", exceptId)
            .getSingleResult()
        > 0;
  }

  public List<StakeholderGroup> groups(long studyId) {
    return em.createQuery(
            "select g from StakeholderGroup g where g.study.id = :study order by g.position",
            StakeholderGroup.class)
        .setParameter("study", studyId)
        .getResultList();
  }

  public List<StakeholderGroup> groups(long studyId, int page, int size) {
    return em.createQuery(
            "select g from StakeholderGroup g where g.study.id = :study order by g.position",
            StakeholderGroup.class)
        .setParameter("study", studyId)
        .setFirstResult(PageRequest.offset(page, size))
        .setMaxResults(size)
        .getResultList();
  }

  public long countGroups(long studyId) {
    return em.createQuery(
            "select count(g) from StakeholderGroup g where g.study.id = :study", Long.class)
        .setParameter("study", studyId)
        .getSingleResult();
  }

  public Optional<StakeholderGroup> groupByName(long studyId, String name) {
    return em.createQuery(
            "select g from StakeholderGroup g where g.study.id = :study and g.nameKey = :key",
            StakeholderGroup.class)
        .setParameter("study", studyId)
        .setParameter("key", StakeholderGroup.key(name))
        .getResultStream()
        .findFirst();
  }

  /** Panelists per group who have not withdrawn. */
  public Map<Long, Long> activeCounts(long studyId) {
    return em.createQuery(
            "select p.group.id, count(p) from Panelist p where p.study.id = :study"
                + " and p.status <> :withdrawn group by p.group.id",
            Object[].class)
        .setParameter("study", studyId)
        .setParameter("withdrawn", PanelistStatus.WITHDRAWN)
        .getResultStream()
        .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
  }

  /**
   * Moves a panelist's ratings to their new group (each rating keeps a copy of it, see V11). Their
   * invitations are locked first, as a save locks its own: a save in flight commits before the move
   * and is moved with the rest, and a later one waits and then copies the new group.
   */
  public void moveRatings(long panelistId, long groupId) {
    em.createNativeQuery("select id from invitation where panelist_id = ?1 order by id for update")
        .setParameter(1, panelistId)
        .getResultList();
    em.createNativeQuery(
            "update rating set group_id = ?1 where response_id in"
                + " (select id from response where panelist_id = ?2)")
        .setParameter(1, groupId)
        .setParameter(2, panelistId)
        .executeUpdate();
  }

  public void persist(StakeholderGroup group) {
    em.persist(group);
  }
}
