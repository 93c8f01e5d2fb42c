package org.referralbridge.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Everything that shows PHI is behind a login: the staff pages with a login form, the FHIR API ({@code /fhir}) and
 * the operators' API ({@code /api}) with HTTP Basic for the same accounts. Open without login: the health probes
 * (details only for ADMIN) and the Prometheus metrics, which carry no PHI (counts, queue depths, latencies).
 * Operators' actions (replays, the messages page) need ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffProperties.class)
@EnableMethodSecurity
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService staffAccounts(StaffProperties properties, PasswordEncoder encoder) {
    for (StaffProperties.User user : properties.users()) {
      if (encoder.matches("change-me-" + user.username(), user.passwordHash())) {
        log.warn("Staff account '{}' still has its default password: set a new hash before real use",
            user.username());
      }
    }
    List<UserDetails> users = properties.users().stream()
        .map(user -> User.withUsername(user.username()).password(user.passwordHash())
            .roles(user.roles().stream().map(Enum::name).toArray(String[]::new)).build())
        .toList();
    log.info("Staff accounts: {}", users.stream().map(UserDetails::getUsername).toList());
    return new InMemoryUserDetailsManager(users);
  }

  /**
   * Actuator: health, liveness and readiness probes and /actuator/prometheus open (orchestrators and scrapers do
   * not log in); HTTP Basic for the rest, and for ADMIN to see health details.
   */
  @Bean
  @Order(0)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(paths.matcher("/actuator/**"))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"),
                paths.matcher("/actuator/prometheus")).permitAll()
            .anyRequest().hasRole(StaffRole.ADMIN.name()))
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** Machine-facing APIs: HTTP Basic, no session, no CSRF (no browser cookies are involved). */
  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    // /fhir is served by HAPI's own servlet, not Spring MVC's: match on the request path itself
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/fhir/**"), paths.matcher("/api/**")))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths.matcher(HttpMethod.POST, "/api/messages/**")).hasRole(StaffRole.ADMIN.name())
            .requestMatchers(paths.matcher("/api/messages/**")).hasAnyRole(StaffRole.ADMIN.name(), StaffRole.INTAKE.name())
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** Staff pages: form login, sessions, CSRF protection on every form. */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/css/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/operations/**").hasRole(StaffRole.ADMIN.name())
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/worklist", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
    return http.build();
  }
}
