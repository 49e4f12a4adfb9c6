package dev.ccui.application.apikey;

import dev.ccui.application.apikey.port.in.ApiKeyUseCase;
import dev.ccui.application.apikey.port.in.CreatedApiKey;
import dev.ccui.application.apikey.port.out.ApiKeyRepository;
import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.common.Secrets;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.domain.apikey.ApiKey;
import dev.ccui.domain.apikey.ApiKeyId;
import dev.ccui.domain.apikey.ApiKeyName;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

public final class ApiKeyService implements ApiKeyUseCase {
    static final int MAX_KEYS_PER_USER = 50;

    private final ApiKeyRepository keys;
    private final Auditor auditor;
    private final Clock clock;

    private Consumer<AppEvent> revocations = event -> {};

    /** Where a revoked key's open connections are told to end (the event bus, on every node). */
    public ApiKeyService announcingRevocationsTo(EventBus bus) {
        this.revocations = bus::publish;
        return this;
    }

    public ApiKeyService(ApiKeyRepository keys, Auditor auditor, Clock clock) {
        this.keys = keys;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public List<ApiKey> listKeys(Principal caller) {
        return keys.listByUser(caller.userId());
    }

    @Override
    public CreatedApiKey createKey(Principal caller, String name, Set<ApiKeyScope> scopes, ClientInfo client) {
        String checkedName = ApiKeyName.check(name);
        if (caller.method() == AuthMethod.API_KEY) {
            // A leaked key must not be able to mint fresh keys that outlive its revocation.
            throw new ForbiddenException("API_KEY_REFUSED", "API keys cannot create API keys: sign in to do this");
        }
        if (keys.listByUser(caller.userId()).size() >= MAX_KEYS_PER_USER) {
            throw new ConflictException("TOO_MANY_KEYS", "you have " + MAX_KEYS_PER_USER + " keys: revoke one first");
        }
        Set<ApiKeyScope> granted = EnumSet.of(ApiKeyScope.API);
        if (scopes != null) {
            granted.addAll(scopes);
        }
        if (granted.contains(ApiKeyScope.ADMIN) && !caller.isAdmin()) {
            throw new InvalidException("scopes", "only admins can grant the admin scope");
        }
        String secret = ApiKeySecrets.newKey();
        String prefix = ApiKeySecrets.prefixOf(secret).orElseThrow();
        ApiKey key = new ApiKey(
                ApiKeyId.random(),
                caller.userId(),
                checkedName,
                prefix,
                Secrets.sha256Hex(secret),
                granted,
                clock.instant(),
                null);
        keys.insert(key);
        auditor.record(AuditAction.API_KEY_CREATED, caller, prefix, client, true, checkedName);
        return new CreatedApiKey(key, secret);
    }

    @Override
    public void revokeKey(Principal caller, ApiKeyId keyId, ClientInfo client) {
        ApiKey key = keys.findById(keyId)
                .filter(found -> found.userId().equals(caller.userId()) || caller.isAdmin())
                .orElseThrow(() -> new NotFoundException("no such API key"));
        keys.delete(key.id());
        revocations.accept(
                new AppEvent.AccessRevoked(key.userId(), null, null, key.id().toString(), false));
        auditor.record(AuditAction.API_KEY_REVOKED, caller, key.prefix(), client, true, key.name());
    }
}
