/**
 * Inbox: every user's open obligations with their due dates (computed by the calendar module), the month view,
 * the bureaus' overdue overview, and reminders in the application and by email, each sent once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox and reminders")
package org.opencets.inbox;
