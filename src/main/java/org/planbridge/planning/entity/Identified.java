package org.planbridge.planning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.planbridge.platform.entity.Tracked;

/**
 * A tracked row whose primary key is a surrogate {@code id} the database generates. The business
 * key (job number, resource number, name) is a unique constraint of each table, not the id.
 */
@MappedSuperclass
public abstract class Identified extends Tracked {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  public Long getId() {
    return id;
  }
}
