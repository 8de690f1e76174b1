package cn.opencredit.gateway.shared.uscc;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

import cn.opencredit.gateway.shared.problem.FieldError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsccParamConverterProviderTests {

    private final UsccParamConverterProvider provider = new UsccParamConverterProvider();

    @Test
    void shouldConvertNormalisedCodeWhenPathParameterIsValid() throws Exception {
        Uscc uscc = converterFor(0).fromString(" 9144030071526726xg ");

        assertEquals("9144030071526726XG", uscc.value());
    }

    @Test
    void shouldNamePathParameterWhenCodeIsInvalid() throws Exception {
        assertEquals("uscc", fieldOfFailure(converterFor(0)));
    }

    @Test
    void shouldNameQueryParameterWhenCodeIsInvalid() throws Exception {
        assertEquals("issuer", fieldOfFailure(converterFor(1)));
    }

    @Test
    void shouldFallBackToUsccWhenParameterIsNotAnnotated() throws Exception {
        assertEquals("uscc", fieldOfFailure(converterFor(2)));
    }

    @Test
    void shouldWriteNormalisedValueWhenConvertingBack() throws Exception {
        assertEquals("914403001922038216", converterFor(0).toString(Uscc.parse("９１４４０３００１９２２０３８２１６")));
    }

    @Test
    void shouldDeclineWhenParameterIsNotAUscc() {
        assertNull(provider.getConverter(String.class, String.class, new Annotation[0]));
    }

    @SuppressWarnings("unused") // only its parameter annotations are read
    private static void resource(@PathParam("uscc") Uscc path, @QueryParam("issuer") Uscc query, Uscc unannotated) {
    }

    private ParamConverter<Uscc> converterFor(int parameter) throws NoSuchMethodException {
        Annotation[] annotations = getClass()
                .getDeclaredMethod("resource", Uscc.class, Uscc.class, Uscc.class)
                .getParameterAnnotations()[parameter];
        return provider.getConverter(Uscc.class, Uscc.class, annotations);
    }

    private static String fieldOfFailure(ParamConverter<Uscc> converter) {
        InvalidUsccException e = assertThrows(InvalidUsccException.class, () -> converter.fromString("91440300192203821X"));
        return e.errors().stream().map(FieldError::field).distinct().reduce((a, b) -> a + "," + b).orElseThrow();
    }
}
