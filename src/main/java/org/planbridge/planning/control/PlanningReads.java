package org.planbridge.planning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.planbridge.planning.entity.Appointment;

/**
 * Lists any planning collection with one Criteria query: the entity comes from the collection,
 * the filters are attribute equalities, the change-feed bounds compare {@code updatedAt} and
 * {@code rowVersion}, and rows come in {@code rowVersion} order, which is unique (one sequence)
 * and only grows, so pages are stable and a client can resume a feed from the last row it saw.
 */
@ApplicationScoped
// Reads join the boundary's transaction; a page and its count see the same snapshot of the unit.
@Transactional(Transactional.TxType.MANDATORY)
public class PlanningReads {

  static final String ROW_VERSION = "rowVersion";
  static final String UPDATED_AT = "updatedAt";

  @PersistenceContext(unitName = "planbridge")
  EntityManager em;

  public Page<?> list(ReadQuery query) {
    return page(query.collection().entity(), query);
  }

  private <T> Page<T> page(Class<T> entity, ReadQuery query) {
    CriteriaBuilder cb = em.getCriteriaBuilder();

    CriteriaQuery<T> select = cb.createQuery(entity);
    Root<T> row = select.from(entity);
    select.select(row).where(conditions(cb, row, query)).orderBy(cb.asc(row.get(ROW_VERSION)));
    List<T> items = em.createQuery(select)
        .setFlushMode(FlushModeType.COMMIT)
        .setFirstResult(query.offset())
        .setMaxResults(query.limit())
        .getResultList();

    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<T> counted = count.from(entity);
    count.select(cb.count(counted)).where(conditions(cb, counted, query));
    long total = em.createQuery(count).setFlushMode(FlushModeType.COMMIT).getSingleResult();

    if (entity == Appointment.class) {
      attachResources(items.stream().map(Appointment.class::cast).toList());
    }
    // Read only: nothing to flush, so neither provider compares a page of entities field by field at commit
    // (Hibernate, which does not weave, would; the queries above do not flush either).
    em.clear();
    return new Page<>(items, total, query.offset(), query.limit());
  }

  private static Predicate[] conditions(CriteriaBuilder cb, Root<?> row, ReadQuery query) {
    List<Predicate> conditions = new ArrayList<>();
    query.filters().forEach((attribute, value) -> conditions.add(cb.equal(row.get(attribute), value)));
    if (query.changedSince() != null) {
      conditions.add(cb.greaterThan(row.<OffsetDateTime>get(UPDATED_AT), query.changedSince()));
    }
    if (query.sinceRowVersion() != null) {
      conditions.add(cb.greaterThan(row.<Long>get(ROW_VERSION), query.sinceRowVersion()));
    }
    return conditions.toArray(Predicate[]::new);
  }

  /** The assigned resource numbers of a page of appointments, in one query (see Appointment#resources). */
  private void attachResources(List<Appointment> appointments) {
    if (appointments.isEmpty()) {
      return;
    }
    List<Long> ids = appointments.stream().map(Appointment::getAppointmentId).toList();
    Map<Long, List<String>> byAppointment = em.createQuery(
            "SELECT a.appointmentId, a.resourceNo FROM Assignment a WHERE a.appointmentId IN :ids ORDER BY a.resourceNo",
            Object[].class)
        .setParameter("ids", ids)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList()
        .stream()
        .collect(Collectors.groupingBy(pair -> (Long) pair[0], TreeMap::new,
            Collectors.mapping(pair -> (String) pair[1], Collectors.toList())));
    appointments.forEach(appointment ->
        appointment.setResources(byAppointment.getOrDefault(appointment.getAppointmentId(), List.of())));
  }
}
