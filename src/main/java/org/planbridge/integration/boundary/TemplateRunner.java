package org.planbridge.integration.boundary;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.ingest.control.ImportRejected;
import org.planbridge.integration.control.ElementError;
import org.planbridge.integration.control.ElementMapper;
import org.planbridge.integration.control.ExpressionFailed;
import org.planbridge.integration.control.ImportPlan;
import org.planbridge.integration.control.MappedElement;
import org.planbridge.integration.control.RecordMapping;
import org.planbridge.integration.control.RunRequest;
import org.planbridge.integration.control.Sandbox;
import org.planbridge.integration.control.Template;

/**
 * Runs an import template over a request's model: every element mapped (outside any transaction: expressions take
 * time, the database need not wait for them), then judged and applied in rounds of one transaction each
 * ({@link TemplateRuns}). A round the engine refuses names the element it refused; without {@code stopOnError} that
 * element is reported and the round runs again without it, with it only the judging runs again, to report every
 * other refusal too. An element is never half applied, and a request with {@code stopOnError} applies all or none.
 */
@ApplicationScoped
public class TemplateRunner {

  /**
   * The most rounds one request runs: each further one follows an element the judging let through and the engine
   * refused (an appointment's own rules), which is rare. Past it nothing is applied.
   */
  static final int MAX_ROUNDS = 10;

  @Inject TemplateRuns runs;

  @Inject
  @ConfigProperty(name = "planbridge.integration.max.elements", defaultValue = "10000")
  int maxElements;

  /** All of a request's expressions together: each has its deadline, but 10,000 elements of slow ones add up. */
  @Inject
  @ConfigProperty(name = "planbridge.integration.mapping.timeout.ms", defaultValue = "120000")
  long mappingTimeoutMillis;

  /** A request refused as a whole before anything is judged or written. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String problem) {
      super(problem);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** What a run did: its final plan, every refused element, and whether its writes were committed. */
  record Outcome(ImportPlan plan, List<ElementError> errors, boolean applied) {}

  /** Thrown when the engine refused more elements one after another than {@link #MAX_ROUNDS} allows. */
  static final class TooManyRounds extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyRounds(List<ElementError> refused) {
      super("The database refused " + refused.size() + " elements one after another (the first: element "
          + refused.get(0).element() + ": " + refused.get(0).message() + "); nothing was applied. Mend them, or "
          + "try them with \"simulate\": true and \"stopOnError\": false, which reports the first " + MAX_ROUNDS + ".");
    }
  }

  Outcome run(Template template, RunRequest request, Sandbox sandbox) {
    if (request.elements().size() > maxElements) {
      throw new Refused(413, "The model has " + request.elements().size() + " elements; a request takes at most "
          + maxElements + " (PLANBRIDGE_INTEGRATION_MAX_ELEMENTS): send them in several requests.");
    }
    List<ElementError> errors = new ArrayList<>();
    List<MappedElement> elements = map(template, request.elements(), sandbox, errors);
    boolean judgeOnly = request.stopOnError() && !errors.isEmpty();
    for (int round = 1; ; round++) {
      try {
        ImportPlan plan = runs.round(template, elements, judgeOnly, request.stopOnError(), request.simulate());
        List<ElementError> all = new ArrayList<>(errors);
        all.addAll(plan.errors());
        all.sort(java.util.Comparator.comparingInt(ElementError::element));
        boolean stopped = request.stopOnError() && !all.isEmpty();
        return new Outcome(plan, all, !request.simulate() && !stopped && !plan.items().isEmpty());
      } catch (RuntimeException e) {
        ImportRejected refused = rejection(e);
        if (refused.index() == null) {
          throw refused;
        }
        errors.add(new ElementError(refused.index(), record(template, refused.procedure()), refused.parameter(),
            refused.problem()));
        if (round >= MAX_ROUNDS) {
          throw new TooManyRounds(errors);
        }
        int index = refused.index();
        elements = elements.stream().filter(element -> element.index() != index).toList();
        judgeOnly = request.stopOnError();
      }
    }
  }

  private static ImportRejected rejection(RuntimeException e) {
    if (e instanceof ImportRejected rejected) {
      return rejected;
    }
    if (e instanceof EJBException && e.getCause() instanceof ImportRejected rejected) {
      return rejected;
    }
    throw e;
  }

  /**
   * Each element mapped by the template, a chunk at a time as one work of the sandbox's ({@link Sandbox#each}); one
   * that is not an object or whose expression fails, or runs past its deadline, is refused.
   */
  List<MappedElement> map(Template template, List<JsonValue> model, Sandbox sandbox,
      List<ElementError> errors) {
    long started = System.nanoTime();
    Object[] results = sandbox.each(model.size(), index -> {
      if (System.nanoTime() - started > mappingTimeoutMillis * 1_000_000) {
        throw new Refused(422, "The template's expressions took longer than " + mappingTimeoutMillis
            + " ms for the first " + index + " of " + model.size() + " elements "
            + "(PLANBRIDGE_INTEGRATION_MAPPING_TIMEOUT_MS); nothing was applied. Send fewer elements per "
            + "request, or make the expressions cheaper.");
      }
      return map(template, index, model.get(index), sandbox);
    });
    List<MappedElement> elements = new ArrayList<>(model.size());
    for (int index = 0; index < results.length; index++) {
      if (results[index] instanceof MappedElement element) {
        elements.add(element);
      } else if (results[index] instanceof ExpressionFailed stopped) {
        errors.add(error(index, stopped));
      } else {
        errors.add((ElementError) results[index]);
      }
    }
    return elements;
  }

  private static Object map(Template template, int index, JsonValue element, Sandbox sandbox) {
    if (element.getValueType() != JsonValue.ValueType.OBJECT) {
      return new ElementError(index, null, null, "must be an object, not " + describe(element));
    }
    try {
      return new MappedElement(index, ElementMapper.map(template, index, element.asJsonObject(), sandbox));
    } catch (ExpressionFailed e) {
      return error(index, e);
    }
  }

  private static ElementError error(int index, ExpressionFailed failed) {
    int dot = failed.field() == null ? -1 : failed.field().indexOf('.');
    return new ElementError(index, dot < 0 ? null : failed.field().substring(0, dot),
        dot < 0 ? failed.field() : failed.field().substring(dot + 1), failed.getMessage());
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case ARRAY -> "an array";
      case STRING -> "a text";
      case NUMBER -> "a number";
      case NULL -> "null";
      default -> "a boolean";
    };
  }

  private static String record(Template template, String procedure) {
    return template.records().stream().filter(record -> record.procedure().name().equals(procedure))
        .map(RecordMapping::record).findFirst().orElse(null);
  }
}
