package dev.ccui.domain.maintenance;

import dev.ccui.domain.user.UserId;
import java.time.Instant;

/**
 * Whether the service is in maintenance (read-only) and since when, as one admin last set it.
 *
 * @param message    shown to people whose changes are refused; {@code null} for the default text
 * @param since      when the current state (on or off) began; {@code null} when never toggled
 * @param byUserId   who set the current state; {@code null} when never toggled
 * @param byUsername that admin's name at the time, kept so the answer needs no user lookup
 */
public record MaintenanceState(boolean enabled, String message, Instant since, UserId byUserId, String byUsername) {
    public static final int MAX_MESSAGE = 500;
    /** The state of a service nobody ever put in maintenance. */
    public static final MaintenanceState OFF = new MaintenanceState(false, null, null, null, null);

    public MaintenanceState {
        if (message != null && message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("the maintenance message is longer than " + MAX_MESSAGE + " characters");
        }
    }
}
