package org.planbridge.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** Builds {@code /api/import} bodies the way the SDKs do: names and values as parallel string arrays. */
public final class Calls {

  private Calls() {}

  /** A procedure call from alternating names and values (a value may be null). */
  public static JsonObject call(String procedure, String... namesAndValues) {
    JsonArrayBuilder names = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.add(namesAndValues[i]);
      if (namesAndValues[i + 1] == null) {
        values.addNull();
      } else {
        values.add(namesAndValues[i + 1]);
      }
    }
    return Json.createObjectBuilder().add("StoredProcedureName", procedure)
        .add("ParameterNames", names).add("ParameterValues", values).build();
  }

  public static String body(JsonObject... calls) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObject call : calls) {
      array.add(call);
    }
    return array.build().toString();
  }

  public static JsonObject job(String jobNo, String shortDescription) {
    return call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", jobNo, "ShortDescription", shortDescription);
  }

  public static JsonObject task(String jobNo, String taskNo, String shortDescription) {
    return call("mboc_upsertTask", "SourceApp", "BC", "SourceType", "SO", "JobNo", jobNo, "TaskNo", taskNo,
        "ShortDescription", shortDescription);
  }

  public static JsonObject resource(String resourceNo, String name) {
    return call("mboc_upsertResource", "ResourceNo", resourceNo, "ResourceName", name);
  }
}
