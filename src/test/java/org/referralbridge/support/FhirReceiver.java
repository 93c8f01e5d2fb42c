package org.referralbridge.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;

/**
 * A referring provider's FHIR server on 127.0.0.1: a real HAPI FHIR RESTful server (in-memory Task and Bundle
 * stores) in an embedded Tomcat, receiving the status updates and summaries a FHIR partner gets.
 */
public final class FhirReceiver implements AutoCloseable {

  private final int port;
  private final HashMapResourceProvider<Task> tasks;
  private final HashMapResourceProvider<Bundle> bundles;
  private Tomcat tomcat;

  public FhirReceiver(int port) {
    this.port = port;
    FhirContext context = FhirContext.forR4Cached();
    tasks = new HashMapResourceProvider<>(context, Task.class);
    bundles = new HashMapResourceProvider<>(context, Bundle.class);
  }

  public FhirReceiver start() throws Exception {
    tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createTempDirectory("fhir-receiver").toString());
    tomcat.setPort(port);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", new File(".").getAbsolutePath());
    RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
    server.registerProviders(tasks, bundles);
    Tomcat.addServlet(context, "fhir", server);
    context.addServletMappingDecoded("/fhir/*", "fhir");
    tomcat.start();
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  public HashMapResourceProvider<Task> tasks() {
    return tasks;
  }

  public HashMapResourceProvider<Bundle> bundles() {
    return bundles;
  }

  public void stop() throws LifecycleException {
    if (tomcat != null) {
      tomcat.stop();
      tomcat.destroy();
      tomcat = null;
    }
  }

  @Override
  public void close() throws LifecycleException {
    stop();
  }
}
