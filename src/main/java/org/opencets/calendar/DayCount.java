package org.opencets.calendar;

/** How a relative deadline counts: every calendar day, or only official working days. */
public enum DayCount { NATURAL, WORKING }
