package floor;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;

/** A stateless EJB resource reading the entity through the container's persistence context. */
@Path("items")
@Stateless
public class Items {
  @PersistenceContext EntityManager entityManager;

  @GET
  @Produces("application/json")
  public List<String> names() {
    return entityManager.createQuery("select i.name from Item i", String.class).getResultList();
  }
}
