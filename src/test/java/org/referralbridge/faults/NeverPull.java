package org.referralbridge.faults;

import org.testcontainers.images.AbstractImagePullPolicy;
import org.testcontainers.images.ImageData;
import org.testcontainers.utility.DockerImageName;

/**
 * The suite's image pull policy (src/test/resources/testcontainers.properties): never pull, so that a missing
 * image fails at once with a clear message instead of reaching for a registry, unless BRIDGE_IT_PULL=true.
 */
public class NeverPull extends AbstractImagePullPolicy {

  @Override
  public boolean shouldPull(DockerImageName imageName) {
    return FaultSuiteSettings.pullAllowed() && super.shouldPull(imageName);
  }

  @Override
  protected boolean shouldPullCached(DockerImageName imageName, ImageData localImageData) {
    return false;
  }
}
