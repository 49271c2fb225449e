/**
 * The emission accounting engine (核算): pure functions from a year's activity data and that year's accounting rules
 * to emissions, with every figure carrying how it was computed. No Spring, no database: the callers (mrv's annual
 * reports, the benchmark) load the data and the rules. Formulas follow 企业温室气体排放核算与报告指南 发电设施
 * (环办气候函〔2022〕485号, cited by seed 002 §二(三)) and, for other sectors, activity data × emission factor per
 * source stream.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emission accounting engine (pure)")
package org.opencets.accounting;
