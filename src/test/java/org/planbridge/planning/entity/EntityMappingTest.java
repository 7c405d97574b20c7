package org.planbridge.planning.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every column of every planning table in the Flyway schema is mapped, by name, type and size. */
class EntityMappingTest {

  private static final List<Class<?>> ENTITIES = List.of(Job.class, Task.class, Resource.class, Appointment.class,
      Assignment.class, Category.class, TimeMarker.class, Pin.class, FilterGroup.class, FilterValue.class,
      TaskFilterValue.class, ResourceFilterValue.class, ActionUri.class);
  private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile(
      "(\\w+) (BIGINT|INTEGER|SMALLINT|BOOLEAN|UUID|TIMESTAMP WITH TIME ZONE|VARCHAR(?:\\((\\d+)\\))?|DECIMAL\\((\\d+),(\\d+)\\))(.*)");

  @Test
  void everyColumnIsMappedAsInTheSchema() throws IOException {
    Map<String, String> tables = tables();
    for (Class<?> entity : ENTITIES) {
      String table = entity.getAnnotation(Table.class).name();
      String body = tables.get(table);
      assertNotNull(body, "no table " + table + " in V1 for " + entity.getSimpleName());
      Map<String, Field> fields = mappedFields(entity).stream()
          .filter(field -> !Modifier.isStatic(field.getModifiers()) && !field.isAnnotationPresent(Transient.class))
          .collect(Collectors.toMap(Field::getName, field -> field, (a, b) -> a, LinkedHashMap::new));
      for (String line : body.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("CONSTRAINT")).toList()) {
        Matcher column = COLUMN.matcher(line.replaceAll(",$", ""));
        assertTrue(column.matches(), line);
        String name = column.group(1);
        String where = table + "." + name;
        Field field = fields.remove(camel(name));
        assertNotNull(field, where + " has no field " + camel(name) + " in " + entity.getSimpleName());
        Column mapping = mapping(entity, field);
        assertNotNull(mapping, where);
        assertEquals(name, mapping.name(), where);
        assertEquals(javaType(column.group(2)), field.getType(), where);
        if (column.group(3) != null) {
          assertEquals(Integer.parseInt(column.group(3)), mapping.length(), where);
        } else if (column.group(2).equals("VARCHAR")) {
          assertEquals("VARCHAR", mapping.columnDefinition(), where);
        }
        if (column.group(4) != null) {
          assertEquals(Integer.parseInt(column.group(4)), mapping.precision(), where);
          assertEquals(Integer.parseInt(column.group(5)), mapping.scale(), where);
        }
        boolean notNull = column.group(6).contains("NOT NULL") || column.group(6).contains("PRIMARY KEY");
        assertEquals(!notNull, mapping.nullable(), where + " nullable");
        boolean tracking = Set.of("row_version", "created_at", "updated_at").contains(name);
        assertEquals(tracking, !mapping.insertable(), where + " insertable");
        assertEquals(tracking, !mapping.updatable(), where + " updatable");
      }
      assertEquals(Map.of(), fields, entity.getSimpleName() + " maps fields that " + table + " does not have");
    }
  }

  @Test
  void everyPersistentFieldHasAGetter() {
    for (Class<?> entity : ENTITIES) {
      for (Field field : mappedFields(entity)) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        String getter = "get" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        assertFalse(Arrays.stream(entity.getMethods()).noneMatch(m -> m.getName().equals(getter)),
            entity.getSimpleName() + "." + getter);
      }
    }
  }

  /** The fields of the entity and of its {@code @MappedSuperclass}es ({@code Tracked}, {@code WithFreeFields}, ...). */
  private static List<Field> mappedFields(Class<?> entity) {
    return Stream.<Class<?>>iterate(entity, type -> type == entity || type.isAnnotationPresent(MappedSuperclass.class),
            Class::getSuperclass)
        .flatMap(type -> Arrays.stream(type.getDeclaredFields()))
        .toList();
  }

  /** The column a field maps to: an {@code @AttributeOverride} of the entity, else the field's own {@code @Column}. */
  private static Column mapping(Class<?> entity, Field field) {
    return Arrays.stream(entity.getAnnotationsByType(AttributeOverride.class))
        .filter(override -> override.name().equals(field.getName()))
        .map(AttributeOverride::column)
        .findFirst()
        .orElse(field.getAnnotation(Column.class));
  }

  private static Map<String, String> tables() throws IOException {
    try (InputStream sql = EntityMappingTest.class.getResourceAsStream("/db/migration/V1__planning_model.sql")) {
      assertNotNull(sql);
      Matcher table = TABLE.matcher(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, String> tables = new LinkedHashMap<>();
      while (table.find()) {
        tables.put(table.group(1), table.group(2));
      }
      return tables;
    }
  }

  private static Class<?> javaType(String sqlType) {
    if (sqlType.startsWith("VARCHAR")) {
      return String.class;
    }
    if (sqlType.startsWith("DECIMAL")) {
      return BigDecimal.class;
    }
    return switch (sqlType) {
      case "BIGINT" -> Long.class;
      case "INTEGER" -> Integer.class;
      case "SMALLINT" -> Short.class;
      case "BOOLEAN" -> Boolean.class;
      case "UUID" -> UUID.class;
      case "TIMESTAMP WITH TIME ZONE" -> OffsetDateTime.class;
      default -> throw new IllegalArgumentException(sqlType);
    };
  }

  private static String camel(String column) {
    String[] parts = column.split("_");
    StringBuilder name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return name.toString();
  }
}
