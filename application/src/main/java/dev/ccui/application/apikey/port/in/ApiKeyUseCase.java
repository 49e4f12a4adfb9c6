package dev.ccui.application.apikey.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.auth.Principal;
import java.util.List;
import java.util.Set;

/** A user's own API keys. */
public interface ApiKeyUseCase {

    List<ApiKey> listKeys(Principal caller);

    CreatedApiKey createKey(Principal caller, String name, Set<ApiKeyScope> scopes, ClientInfo client);

    void revokeKey(Principal caller, ApiKeyId keyId, ClientInfo client);
}
