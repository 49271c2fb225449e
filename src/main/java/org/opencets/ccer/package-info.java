/**
 * The voluntary-reduction registry (自愿减排注册登记系统): CCER projects, the holders' accounts, holdings by project and
 * state, and the "national compliance offset" (全国履约抵销, seed 001 第三步) that freezes CCER here and tells the ETS
 * registry. A separate system from the allowance registry: it talks to it only through
 * {@link org.opencets.registry.CcerOffsetRequested} (published here) and {@link org.opencets.registry.CcerOffsetUsed} /
 * {@link org.opencets.registry.CcerOffsetRecalled} (handled here), and calls none of its services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CCER registry (voluntary reductions)")
package org.opencets.ccer;
