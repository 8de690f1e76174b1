package cn.opencredit.gateway.shared.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * Which methods each API path supports, for the {@code Allow} header that RFC 9110 requires on a
 * 405 (the framework's own 405 carries none). Read once from the resource classes.
 */
@ApplicationScoped
class AllowedMethods {

    private record Route(Pattern path, Set<String> methods) {
    }

    private final List<Route> routes;

    AllowedMethods(BeanManager beans) {
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path base = type.getAnnotation(Path.class);
            if (base != null) {
                collect(type, base.value(), found);
            }
        }
        this.routes = List.copyOf(found);
    }

    /** The methods allowed on {@code path}, comma-separated, or null when no resource matches. */
    String allowHeader(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                methods.addAll(route.methods());
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    /** Whether a resource sits at {@code path} but takes no {@code method} there. */
    boolean refuses(String path, String method) {
        String allowed = allowHeader(path);
        return allowed != null && !List.of(allowed.split(", ")).contains(method);
    }

    private static void collect(Class<?> type, String base, List<Route> found) {
        for (Method method : type.getMethods()) {
            String verb = httpMethod(method);
            if (verb == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String template = sub == null ? base : base.replaceAll("/$", "") + "/" + sub.value().replaceAll("^/", "");
            found.add(new Route(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+").replaceAll("/$", "") + "/?"),
                    Set.of(verb)));
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
