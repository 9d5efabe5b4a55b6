package org.concord.panel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A panelist's extra attributes as a JSON object in one column, in the file's column order. */
@Converter
public class AttributesConverter implements AttributeConverter<Map<String, String>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();

  static String toJson(Map<String, String> attributes) {
    try {
      return JSON.writeValueAsString(attributes == null ? Map.of() : attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String convertToDatabaseColumn(Map<String, String> attributes) {
    return toJson(attributes);
  }

  @Override
  public Map<String, String> convertToEntityAttribute(String column) {
    try {
      return column == null
          ? new LinkedHashMap<>()
          : JSON.readValue(column, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable attributes: " + column, e);
    }
  }
}
