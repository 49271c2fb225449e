/**
 * Audit trail: every change to a record — who, when, what it was before and after. Append-only
 * (the database refuses updates and deletes). Modules record changes in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.opencets.audit;
