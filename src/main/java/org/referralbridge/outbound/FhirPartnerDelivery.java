package org.referralbridge.outbound;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.time.Duration;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Delivers to a partner's FHIR server: the resource (a Task update, a document Bundle) is PUT at its own id, so a
 * repeated delivery replaces rather than duplicates. Any non-2xx answer or I/O error is a failed attempt.
 */
public class FhirPartnerDelivery {

  private final FhirContext context;

  /** A client context of its own: partner timeouts must not change those of the clinic's store client. */
  public FhirPartnerDelivery(Duration timeout) {
    this.context = FhirContext.forR4();
    context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    context.getRestfulClientFactory().setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000));
    context.getRestfulClientFactory().setSocketTimeout((int) timeout.toMillis());
  }

  public void deliver(@Body String json, @Header(OutboundSteps.FHIR_BASE) String baseUrl) {
    IBaseResource resource = context.newJsonParser().parseResource(json);
    IGenericClient client = context.newRestfulGenericClient(baseUrl);
    client.update().resource(resource).execute();
  }
}
