package org.planbridge.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the integration tests deploy: the WAR this build just packaged, so the tests exercise
 * exactly what ships (failsafe runs after {@code package}).
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive planbridge() {
    String path = System.getProperty("planbridge.war", "target/planbridge.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
  }
}
