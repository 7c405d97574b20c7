package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The start-up floor's JAX-RS application, at /api like PlanBridge's. */
@ApplicationPath("api")
public class FloorApplication extends Application {}
