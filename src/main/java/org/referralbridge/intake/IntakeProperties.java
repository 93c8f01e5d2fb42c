package org.referralbridge.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.referralbridge.hl7.ApplicationId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * HL7 v2 intake over MLLP.
 *
 * @param mllp the listener
 * @param maxMessageChars messages longer than this are refused (AR) and kept
 * @param receivingApplication MSH-3 of our acknowledgements
 * @param receivingFacility MSH-4 of our acknowledgements
 * @param enqueueTimeout the longest a sender waits for the durable enqueue before getting AE 207
 * @param structureLimits how many segments, repetitions and components a message may have before it is parsed
 */
@Validated
@ConfigurationProperties("bridge.intake")
public record IntakeProperties(@Valid @NotNull Mllp mllp, @Min(1024) int maxMessageChars,
    @NotBlank String receivingApplication, @NotBlank String receivingFacility,
    @DefaultValue("10s") java.time.Duration enqueueTimeout, @Valid @DefaultValue StructureLimits structureLimits) {

  /** The clinic's side of every exchange: MSH-3/4 of our acknowledgements and notices. */
  public ApplicationId clinic() {
    return new ApplicationId(receivingApplication, receivingFacility);
  }

  /**
   * @param host bind address (127.0.0.1 by default; 0.0.0.0 to accept from the network)
   * @param port TCP port (2575 by default)
   * @param maxFrameBytes the most the listener buffers of one frame: a longer frame (or one that never ends) is
   *     cut off with its connection, so no sender can make the service hold more than this per connection
   */
  public record Mllp(@NotBlank String host, @Min(1) @Max(65535) int port,
      @Min(1024) @DefaultValue("4194304") int maxFrameBytes) {}
}
