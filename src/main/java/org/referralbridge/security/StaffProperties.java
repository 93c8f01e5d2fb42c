package org.referralbridge.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clinic's staff accounts until an identity provider (OIDC) is connected.
 *
 * @param users the accounts; passwords are stored hashed ({@code {bcrypt}...}), never in clear
 */
@Validated
@ConfigurationProperties("bridge.security")
public record StaffProperties(@Valid @NotEmpty List<User> users) {

  /**
   * @param username login name
   * @param passwordHash hash with its algorithm prefix, e.g. {@code {bcrypt}$2a$10$...}
   * @param roles any of {@link StaffRole}
   */
  public record User(@NotBlank String username, @NotBlank String passwordHash, @NotEmpty List<StaffRole> roles) {}
}
