package org.planbridge.integration.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.planbridge.integration.control.TemplateStore;

/**
 * Installs the ready-made templates ({@code src/main/resources/integration/templates}) at start-up, after the
 * schema's migration, where no template of that name exists; one an administrator changed is left as it is.
 * Why at start-up and not by a migration: the documents are kept once, as files, and saved through the same
 * validation as any other (a migration would repeat them as SQL text and store them unchecked).
 */
@Startup
@Singleton
@DependsOn("Startup")
public class ReadyMadeTemplates {

  static final List<String> NAMES = List.of("customer-import", "project-import", "appointment-export");
  private static final Logger LOG = Logger.getLogger(ReadyMadeTemplates.class.getName());

  @Inject TemplateStore templates;

  @PostConstruct
  void install() {
    for (String name : NAMES) {
      try {
        if (templates.get(name).isEmpty()) {
          templates.create(document(name));
          LOG.log(Level.INFO, "Installed the ready-made integration template {0}", name);
        }
      } catch (RuntimeException e) {
        // Another instance starting at the same time may have installed it first (its name is unique): the server
        // starts all the same, the others are still installed, and the next start installs what is missing.
        LOG.log(Level.WARNING, "The ready-made integration template {0} was not installed: {1}",
            new Object[] {name, e.toString()});
      }
    }
  }

  static String document(String name) {
    try (InputStream in = ReadyMadeTemplates.class.getResourceAsStream("/integration/templates/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
