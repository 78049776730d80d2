package nl.actiegraaf.web;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

/**
 * {@code HEAD} answered exactly as {@code GET}, minus the body (RFC 9110 §9.3.2). Javalin answers a
 * HEAD on a GET route itself, without running it: 200, text/plain, length 0, even where GET gives a
 * 404 or a 400. Here the GET route runs for a HEAD, so status and headers are the GET's; Jetty, which
 * still sees the request as HEAD, sends no body.
 */
final class HeadAsGet implements Filter {
    private HeadAsGet() {
    }

    static void register(JavalinConfig config, WebContext context) {
        config.jetty.modifyServletContextHandler(handler ->
                handler.addFilter(new FilterHolder(new HeadAsGet()), "/*", EnumSet.of(DispatcherType.REQUEST)));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            }, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
