package cn.opencredit.gateway.shared.paging;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/** Sends a {@link SerializedPage} as its bytes: a more specific writer than Jackson's, so it is chosen for this type only. */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class SerializedPageWriter implements ServerMessageBodyWriter<SerializedPage> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return SerializedPage.class.equals(type);
    }

    @Override
    public void writeResponse(SerializedPage page, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(page.body());
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return SerializedPage.class.equals(type);
    }

    @Override
    public void writeTo(SerializedPage page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream entityStream) throws IOException {
        entityStream.write(page.body());
    }
}
