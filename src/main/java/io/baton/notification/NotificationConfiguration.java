package io.baton.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is delivered on a schedule ({@code baton.notifications.poll-interval}). */
@Configuration
@EnableScheduling
class NotificationConfiguration {}
