/**
 * Shared kernel: value types every bounded context speaks (USCC, region, industry, tonnes, vintage)
 * and the few cross-cutting contracts (invalid-value errors).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.opencets.shared;
