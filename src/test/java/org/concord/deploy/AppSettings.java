package org.concord.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.common.ConcordConfig;

/**
 * The settings the application reads, taken from the application itself rather than from a list
 * kept by hand: Concord's own {@link ConcordConfig}, the {@code ${...}} references of {@code
 * application.properties}, and the run-time settings of every Quarkus extension on the class path
 * (from the configuration model each extension ships).
 */
final class AppSettings {

  static final Path PROPERTIES = Path.of("src/main/resources/application.properties");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9._-]+)(?::([^}]*))?}");

  private static final Properties properties = load();
  private static final Map<String, QuarkusSetting> quarkus = quarkusSettings();

  private AppSettings() {}

  /** A Quarkus setting: its property name and the phase at which it is read. */
  record QuarkusSetting(String property, String phase) {
    boolean readAtRunTime() {
      return phase.equals("RUN_TIME");
    }
  }

  /** Every environment variable that changes what the application does when it starts. */
  static Set<String> environmentVariables() {
    Set<String> names = new HashSet<>();
    concordSettings(ConcordConfig.class, "concord", names);
    for (String value : properties.stringPropertyNames()) {
      Matcher reference = REFERENCE.matcher(properties.getProperty(value));
      while (reference.find()) {
        names.add(environmentName(reference.group(1)));
      }
    }
    quarkus.forEach(
        (name, setting) -> {
          if (setting.readAtRunTime()) {
            names.add(name);
          }
        });
    return names;
  }

  /** The Quarkus setting an environment variable names, if it names one. */
  static QuarkusSetting quarkus(String environmentVariable) {
    return quarkus.get(environmentVariable);
  }

  /** The environment variable for a property, as SmallRye Config maps one to the other. */
  static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** A property of application.properties without a profile, as written. */
  static String property(String name) {
    String value = properties.getProperty(name);
    if (value == null) {
      throw new AssertionError(name + " is not in " + PROPERTIES);
    }
    return value;
  }

  /** The property names of application.properties (all profiles). */
  static Set<String> propertyNames() {
    return properties.stringPropertyNames();
  }

  /** The value a property has when no environment variable overrides it. */
  static String defaultValue(String name) {
    Matcher reference = REFERENCE.matcher(property(name));
    return reference.matches() ? reference.group(2) : property(name);
  }

  /** The property whose value reads {@code reference}, e.g. the datasource kind for the flag. */
  static String propertyReading(String reference) {
    return properties.stringPropertyNames().stream()
        .filter(name -> !name.startsWith("%"))
        .filter(name -> properties.getProperty(name).contains("${" + reference))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("No property of " + PROPERTIES + " reads " + reference));
  }

  /** The port the application listens on unless told otherwise. */
  static int httpPort() {
    return Integer.parseInt(defaultValue("quarkus.http.port"));
  }

  private static void concordSettings(Class<?> group, String prefix, Set<String> into) {
    for (Method method : group.getMethods()) {
      if (method.isDefault()
          || Modifier.isStatic(method.getModifiers())
          || method.getParameterCount() > 0) {
        continue;
      }
      String name =
          prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
      Class<?> type = method.getReturnType();
      if (type.isInterface() && type.getEnclosingClass() == ConcordConfig.class) {
        concordSettings(type, name, into);
      } else {
        into.add(environmentName(name));
      }
    }
  }

  private static Properties load() {
    Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
      loaded.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return loaded;
  }

  private static Map<String, QuarkusSetting> quarkusSettings() {
    Map<String, QuarkusSetting> settings = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      Enumeration<URL> models =
          AppSettings.class
              .getClassLoader()
              .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
      for (URL model : Collections.list(models)) {
        try (InputStream in = model.openStream()) {
          collect(json.readTree(in), settings);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (settings.isEmpty()) {
      throw new AssertionError("No Quarkus configuration model on the class path");
    }
    return settings;
  }

  private static void collect(JsonNode node, Map<String, QuarkusSetting> into) {
    JsonNode path = node.path("path");
    if (path.has("environmentVariable") && node.has("phase")) {
      into.put(
          path.get("environmentVariable").asText(),
          new QuarkusSetting(path.get("property").asText(), node.get("phase").asText()));
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        collect(child, into);
      }
    }
  }
}
