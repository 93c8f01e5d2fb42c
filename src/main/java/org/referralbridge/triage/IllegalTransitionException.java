package org.referralbridge.triage;

/**
 * An action that the referral's current business status does not allow, or a status this workflow does not know.
 * The message names the status and the action only, never patient details.
 */
public class IllegalTransitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient BusinessStatus current;
  private final TaskAction action;

  IllegalTransitionException(BusinessStatus current, TaskAction action, String message) {
    super(message);
    this.current = current;
    this.action = action;
  }

  /** The status the action was refused in; null when the status was not one this workflow knows. */
  public BusinessStatus current() {
    return current;
  }

  /** The action that was refused. */
  public TaskAction action() {
    return action;
  }
}
