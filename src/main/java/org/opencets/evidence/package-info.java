/**
 * Evidence files (lab reports, meter readings, invoices, coal sampling photos and video): streamed in, checked
 * (size, declared type against the file's own bytes), stored once by SHA-256 content address on the local disk or
 * an S3-compatible object store, and read back verified.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence files")
package org.opencets.evidence;
