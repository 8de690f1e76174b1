package cn.opencredit.gateway.shared.uscc;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Binds {@code @PathParam} and {@code @QueryParam} parameters of type {@link Uscc}, so a malformed code is refused
 * before any resource code runs.
 * <p>
 * The converter throws {@link InvalidUsccException}, not the {@link IllegalArgumentException} the JAX-RS contract
 * suggests, so that the problem names each wrong part. Quarkus REST wraps any non-{@code WebApplicationException}
 * from a path or query converter in a {@code NotFoundException}; the exception mapper has to look at the cause.
 */
@Provider
public class UsccParamConverterProvider implements ParamConverterProvider {

    private static final String DEFAULT_FIELD = "uscc";

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Uscc.class) {
            return null;
        }
        @SuppressWarnings("unchecked")
        ParamConverter<T> converter = (ParamConverter<T>) new UsccParamConverter(field(annotations));
        return converter;
    }

    // Named as FieldError documents it: a parameter by its own name.
    private static String field(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return DEFAULT_FIELD;
    }

    private record UsccParamConverter(String field) implements ParamConverter<Uscc> {

        @Override
        public Uscc fromString(String value) {
            return Uscc.parse(value, field);
        }

        @Override
        public String toString(Uscc value) {
            if (value == null) {
                throw new IllegalArgumentException("USCC must not be null");
            }
            return value.value();
        }
    }
}
