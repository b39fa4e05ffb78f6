/**
 * Business time: when teams and clients work, so that SLA targets, reminders and timers count
 * working hours of working days, in the right time zone, without public holidays.
 *
 * <ul>
 *   <li>{@link io.baton.calendar.BusinessCalendars} reads the designers' {@code processes/calendars/}
 *       at start-up and hands out a calendar per team or client;
 *   <li>{@link io.baton.calendar.BusinessCalendar} adds and measures business time;
 *   <li>{@code BusinessCalendarPlugin} lets BPMN timers and user task dates say {@code business P2D}.
 * </ul>
 *
 * <p>The file formats are described in {@code processes/calendars/README.md}.
 */
package io.baton.calendar;
