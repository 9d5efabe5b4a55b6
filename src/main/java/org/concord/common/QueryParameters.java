package org.concord.common;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Converts query parameters so that a bad value is a 400 naming the parameter and what it must be.
 * Left to JAX-RS, {@code ?page=abc} is a 404 "nothing is here", which sends the caller looking for
 * the wrong mistake. Enum values are taken in any case, as people type them. A text parameter of
 * any kind (query, path, form field) comes without NUL characters ({@link Texts#withoutNul}).
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

  private static final ParamConverter<String> NUL_FREE_TEXT = new TextConverter();

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == String.class) {
      return (ParamConverter<T>) NUL_FREE_TEXT;
    }
    String name = queryParamName(annotations);
    if (name == null) {
      return null;
    }
    if (rawType == int.class || rawType == Integer.class) {
      return (ParamConverter<T>) new Converter<>(name, "a whole number", Integer::valueOf);
    }
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>) new Converter<>(name, "a whole number", Long::valueOf);
    }
    if (rawType.isEnum()) {
      return (ParamConverter<T>) enumConverter(name, (Class<? extends Enum>) rawType);
    }
    return null;
  }

  private static String queryParamName(Annotation[] annotations) {
    if (annotations == null) {
      return null;
    }
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        return query.value();
      }
    }
    return null;
  }

  private static <E extends Enum<E>> ParamConverter<E> enumConverter(String name, Class<E> type) {
    E[] values = type.getEnumConstants();
    String allowed = Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    return new Converter<>(
        name,
        "one of " + allowed + " (in any case)",
        text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
  }

  private interface Parse<T> {
    T parse(String text);
  }

  private record Converter<T>(String name, String expected, Parse<T> parse)
      implements ParamConverter<T> {

    @Override
    public T fromString(String value) {
      if (value == null) {
        return null;
      }
      try {
        return parse.parse(value.strip());
      } catch (IllegalArgumentException e) {
        throw ConcordException.invalid(
            name, "The query parameter '" + name + "' must be " + expected + ".");
      }
    }

    @Override
    public String toString(T value) {
      return value == null ? null : value.toString();
    }
  }

  private static final class TextConverter implements ParamConverter<String> {

    @Override
    public String fromString(String value) {
      return Texts.withoutNul(value);
    }

    @Override
    public String toString(String value) {
      return value;
    }
  }
}
