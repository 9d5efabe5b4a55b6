package org.concord.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores a short list of texts (scale labels) as a JSON array in one column. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

  /** The column's length: {@code varchar(4000)}. */
  public static final int MAX_COLUMN_LENGTH = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    return encode(values);
  }

  /**
   * The text stored, whose length is what the column limits: a control character takes six
   * characters here (escaped as backslash, u and four hex digits), a quote two.
   */
  public static String encode(List<String> values) {
    try {
      return JSON.writeValueAsString(values == null ? List.of() : values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    try {
      return column == null ? List.of() : JSON.readValue(column, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable list column: " + column, e);
    }
  }
}
