/**
 * Platform: the embedded database, the web shell (layout, language, home pages per role, error
 * pages and API problem details) and the demo region loaded on first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.opencets.platform;
