package floor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** One JAX-RS resource, a CDI bean. */
@Path("hello")
@RequestScoped
public class Hello {
  @GET
  public String hello() {
    return "hello";
  }
}
