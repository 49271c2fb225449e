/**
 * Shared document infrastructure: the Chinese font every PDF embeds (WenQuanYi Micro Hei, Apache-2.0, shipped in the
 * application so every installation renders Chinese the same way).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents: PDF fonts")
package org.opencets.documents;
