package io.baton.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.operations.*}: how long the outbox backlog, which metrics and health both read, is
 * kept between two database reads; when the oldest undelivered notification makes the dispatcher's
 * health a {@code WARNING}; how long the mail server's health check waits for its greeting.
 */
@ConfigurationProperties("baton.operations")
public record OperationsSettings(
    @DefaultValue("PT5S") Duration backlogCacheFor,
    @DefaultValue("PT15M") Duration backlogWarningAfter,
    @DefaultValue("PT2S") Duration mailHealthTimeout) {}
