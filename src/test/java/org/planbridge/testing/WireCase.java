package org.planbridge.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request exactly as an SDK sends it, and what must be stored after it (src/test/resources/sdk-wire/cases.json;
 * its README says how a case is written). {@code given} requests run first; {@code {{guid}}} and {{id}} in any
 * body or path are the fixture appointment's. {@code refused}: what an SDK sends that names nothing PlanBridge can
 * act on (a delete without its key), which must be refused with that text and change nothing.
 */
public record WireCase(String name, String sdk, List<Request> given, Request request, String read, JsonObject expect,
    JsonObject expectNone, String refused) {

  /** A request: method, path relative to the deployment ({@code api/job}, or {@code taskContainer}), body. */
  public record Request(String method, String path, JsonValue body) {

    static Request of(JsonObject json) {
      return new Request(json.getString("method"), json.getString("path"), json.get("body"));
    }

    /**
     * What this request is in the SDKs' surface: {@code "METHOD route"} as SdkSurfaceTest lists them, or, for
     * {@code api/import}, its procedures' names.
     */
    public List<String> calls() {
      String route = path.replaceAll("/{2,}", "/").replaceFirst("^/", "").replaceFirst("^api/(api/)?", "");
      int query = route.indexOf('?');
      route = query < 0 ? route : route.substring(0, query);
      if (route.equals("import")) {
        List<String> procedures = new ArrayList<>(List.of("POST import"));
        for (JsonValue call : body.asJsonArray()) {
          procedures.add(call.asJsonObject().getString("StoredProcedureName"));
        }
        return procedures;
      }
      return List.of(method.toUpperCase(Locale.ROOT) + " " + route);
    }
  }

  public static List<WireCase> load() {
    try (InputStream in = WireCase.class.getResourceAsStream("/sdk-wire/cases.json");
        JsonReader reader = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<WireCase> cases = new ArrayList<>();
      for (JsonValue value : reader.readArray()) {
        JsonObject json = value.asJsonObject();
        List<Request> given = new ArrayList<>();
        for (JsonValue request : json.getJsonArray("given") == null ? JsonValue.EMPTY_JSON_ARRAY
            : json.getJsonArray("given")) {
          given.add(Request.of(request.asJsonObject()));
        }
        cases.add(new WireCase(json.getString("name"), json.getString("sdk"), given,
            Request.of(json.getJsonObject("request")), json.getString("read", null),
            json.getJsonObject("expect"), json.getJsonObject("expectNone"), json.getString("refused", null)));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code row} has every field of {@code expected} with an equal value (numbers by value). */
  public static boolean matches(JsonObject row, JsonObject expected) {
    return expected.entrySet().stream().allMatch(field -> equal(row.get(field.getKey()), field.getValue()));
  }

  private static boolean equal(JsonValue actual, JsonValue expected) {
    if (expected.getValueType() == JsonValue.ValueType.NULL) {
      return actual == null || actual.getValueType() == JsonValue.ValueType.NULL;
    }
    if (actual instanceof jakarta.json.JsonNumber a && expected instanceof jakarta.json.JsonNumber e) {
      return a.bigDecimalValue().compareTo(e.bigDecimalValue()) == 0;
    }
    if (actual instanceof JsonArray a && expected instanceof JsonArray e) {
      return a.size() == e.size() && java.util.stream.IntStream.range(0, a.size()).allMatch(i -> equal(a.get(i), e.get(i)));
    }
    return expected.equals(actual);
  }

  @Override
  public String toString() {
    return name;
  }
}
