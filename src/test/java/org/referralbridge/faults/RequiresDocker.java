package org.referralbridge.faults;

import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the fault suite only where Docker and its images are there. Elsewhere the suite is skipped with the
 * reason, unless Docker is required (BRIDGE_IT_REQUIRE_DOCKER=true, as in .ci/run): then it fails.
 */
public class RequiresDocker implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = missing();
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Docker and the images are available");
    }
    if (FaultSuiteSettings.dockerRequired()) {
      throw new IllegalStateException("The fault suite must run here (BRIDGE_IT_REQUIRE_DOCKER=true) but " + missing);
    }
    return ConditionEvaluationResult.disabled("Fault suite skipped: " + missing
        + " (.ci/run starts Docker and builds the images: docker/start-engine.sh, docker/build-images.sh)");
  }

  private static String missing() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker engine is available";
    }
    if (FaultSuiteSettings.pullAllowed()) {
      return null;
    }
    for (String image : List.of(FaultSuiteSettings.artemisImage(), FaultSuiteSettings.postgresImage())) {
      try {
        DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      } catch (RuntimeException notThere) {
        return "image " + image + " is not present (build it with docker/build-images.sh, `docker pull` it, or set"
            + " BRIDGE_IT_PULL=true)";
      }
    }
    return null;
  }
}
