package org.referralbridge.store;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * A servlet whose real servlet is looked up when the web server initialises it (load-on-startup, which Spring Boot
 * performs once the application context is complete), not when the servlet is registered.
 *
 * <p>Why: Spring Boot creates every servlet registration while it creates the web server, before it has frozen
 * the bean definitions. Registering HAPI's RestfulServer directly made HAPI's whole bean graph (its resource
 * providers, DAOs and everything they autowire) be built at that moment, when Spring resolves each autowired field
 * by scanning all bean definitions without its type cache: in a start-up profile, 17 % of the main thread's samples
 * were those scans. Built later, in the ordinary pass over the singletons, the same lookups hit the cache.
 */
final class DeferredServlet extends GenericServlet {

  private final transient Supplier<? extends Servlet> target;
  private transient volatile Servlet servlet;

  DeferredServlet(Supplier<? extends Servlet> target) {
    this.target = target;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    Servlet resolved = target.get();
    resolved.init(config);
    servlet = resolved;
  }

  @Override
  public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
    Servlet resolved = servlet;
    if (resolved == null) {
      throw new ServletException("the FHIR server is not initialised yet");
    }
    resolved.service(request, response);
  }

  @Override
  public void destroy() {
    Servlet resolved = servlet;
    if (resolved != null) {
      resolved.destroy();
    }
  }
}
