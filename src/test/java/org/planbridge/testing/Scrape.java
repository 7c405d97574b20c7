package org.planbridge.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One answer of {@code /api/metrics} (Prometheus text or OpenMetrics), read as a scraper reads it: samples with
 * their names, labels and values, and the metric families its {@code # TYPE} lines name.
 */
public final class Scrape {

  /** One line of a sample. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples = new ArrayList<>();
  private final Set<String> families = new TreeSet<>();

  public Scrape(String text) {
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        families.add(line.split(" ")[2]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(sample(line));
      }
    }
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new HashMap<>();
    String rest;
    String name;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int end = line.indexOf("} ", brace);
      for (String pair : line.substring(brace + 1, end).split("\",")) {
        if (!pair.isBlank()) {
          int equals = pair.indexOf('=');
          labels.put(pair.substring(0, equals), pair.substring(equals + 2).replaceAll("\"$", ""));
        }
      }
      rest = line.substring(end + 2);
    } else {
      name = line.substring(0, space);
      rest = line.substring(space + 1);
    }
    return new Sample(name, labels, Double.parseDouble(rest.split(" ")[0]));
  }

  /** The names of every sample and every family: what a query may name. */
  public Set<String> names() {
    Set<String> names = new TreeSet<>(families);
    samples.forEach(sample -> names.add(sample.name()));
    return names;
  }

  /** Whether a sample of {@code name} has these labels (name, value, ...), among others. */
  public boolean has(String name, String... labels) {
    return samples.stream().anyMatch(sample -> matches(sample, name, labels));
  }

  /** The sum of the samples of {@code name} that have these labels (name, value, ...), among others; 0: none. */
  public double sum(String name, String... labels) {
    return samples.stream().filter(sample -> matches(sample, name, labels)).mapToDouble(Sample::value).sum();
  }

  private static boolean matches(Sample sample, String name, String... labels) {
    if (!sample.name().equals(name)) {
      return false;
    }
    for (int i = 0; i < labels.length; i += 2) {
      if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }
}
