/**
 * Identity: regions, organisations, their people and roles, API keys for machine clients, and who
 * may see what ({@link org.opencets.identity.Jurisdiction}). Authentication lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package org.opencets.identity;
