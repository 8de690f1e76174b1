package cn.opencredit.gateway.shared.web;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

import cn.opencredit.gateway.shared.problem.FieldError;
import cn.opencredit.gateway.shared.problem.ProblemException;
import cn.opencredit.gateway.shared.problem.ProblemType;

/**
 * Refuses control characters in every string of a JSON request body, at the edge: a NUL would
 * otherwise reach PostgreSQL (which refuses it in text, answering 500 or 503) and the others hide
 * what a record says. Tab, line feed and carriage return are allowed. Request types marked
 * {@link CheckedPerRow} check their own text.
 */
@Singleton
public class TextInputModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("opencredit-text-input").addDeserializer(String.class, new CheckedString(true)));
        // A field named twice would otherwise be read twice, the last value silently winning, or
        // end in a 500 where a record's constructor has already taken the first.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static final class CheckedString extends JsonDeserializer<String> implements ContextualDeserializer {

        private final boolean checking;

        CheckedString(boolean checking) {
            this.checking = checking;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean perRow = property != null && property.getMember() != null
                    && property.getMember().getDeclaringClass().isAnnotationPresent(CheckedPerRow.class);
            return perRow ? new CheckedString(false) : this;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (checking && text != null && TextInput.hasForbiddenControlCharacter(text)) {
                String message = "must not contain control characters (U+0000–U+001F but tab and line breaks, U+007F–U+009F)";
                // Jackson adds the JSON path; the problem mapper names the field by it.
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "A text value contains a control character",
                        List.of(new FieldError("body", "control-character", message)));
            }
            return text;
        }
    }
}
