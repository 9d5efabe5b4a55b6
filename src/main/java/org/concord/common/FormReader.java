package org.concord.common;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads an {@code application/x-www-form-urlencoded} body strictly. The built-in reader lets a
 * broken escape ({@code %ZZ}) escape as an unexpected failure, which logs a stack trace per
 * request; here it is a {@link MalformedInput} that each feature answers in its own way (a page
 * under /p/). Names and values come without NUL characters ({@link Texts#withoutNul}).
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormReader implements MessageBodyReader<MultivaluedMap<String, String>> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return MultivaluedMap.class.isAssignableFrom(type);
  }

  @Override
  public MultivaluedMap<String, String> readFrom(
      Class<MultivaluedMap<String, String>> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return parse(new String(entityStream.readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Browsers never send an empty name or a broken escape: either means the body was forged. */
  public static MultivaluedMap<String, String> parse(String body) {
    MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (name.isEmpty()) {
        throw new MalformedInput("The form has a field without a name.");
      }
      form.add(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
    }
    return form;
  }

  private static String decode(String text) {
    try {
      return Texts.withoutNul(URLDecoder.decode(text, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new MalformedInput(
          "The form is not validly encoded: a % must start an escape like %20.");
    }
  }
}
