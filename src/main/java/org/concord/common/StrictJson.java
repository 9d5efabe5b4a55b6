package org.concord.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads request bodies strictly: text after the JSON document and an enum given by its number are
 * refused, not guessed at. A client that sends either has a bug we would otherwise hide. Every
 * text, field values and map keys alike, is read without NUL characters ({@link Texts#withoutNul}),
 * so that checks such as "not blank" see the text that is stored.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    SimpleModule nulFree = new SimpleModule("concord-nul-free-text");
    nulFree.addDeserializer(String.class, new NulFreeString());
    nulFree.addKeyDeserializer(String.class, new NulFreeKey());
    mapper.registerModule(nulFree);
  }

  private static final class NulFreeString extends StdScalarDeserializer<String> {

    NulFreeString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return Texts.withoutNul(StringDeserializer.instance.deserialize(parser, context));
    }
  }

  private static final class NulFreeKey extends KeyDeserializer {

    @Override
    public Object deserializeKey(String key, DeserializationContext context) {
      return Texts.withoutNul(key);
    }
  }
}
