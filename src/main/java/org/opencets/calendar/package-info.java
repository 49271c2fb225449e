/**
 * Compliance calendar: the official calendar of working days (public holidays and make-up working
 * days, 调休) and deadline arithmetic in natural and working days. The one place that answers
 * "when is this due".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance calendar")
package org.opencets.calendar;
