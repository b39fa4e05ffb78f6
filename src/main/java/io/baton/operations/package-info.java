/**
 * What an operator watches: Baton's metrics ({@link io.baton.operations.BatonMetrics}, scraped at
 * {@code /actuator/prometheus} by the {@code monitoring} group), its health indicators (the mail
 * server, the outbox backlog) and the story of each case in the logs. It only listens: the other
 * modules publish events and never call it.
 */
package io.baton.operations;
