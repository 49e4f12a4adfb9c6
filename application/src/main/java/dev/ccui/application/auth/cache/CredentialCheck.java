package dev.ccui.application.auth.cache;

import dev.ccui.domain.auth.Principal;
import java.util.Optional;

/** Turns a presented credential into the caller, or nothing when it is not (or no longer) valid. */
public interface CredentialCheck {

    Optional<Principal> byToken(String token);

    Optional<Principal> byApiKey(String apiKey);
}
