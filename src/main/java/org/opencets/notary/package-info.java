/**
 * Notary: the append-only, Merkle-tree transparency log behind "存证". Every deposited record and evidence file
 * is appended as a SHA-256 leaf; receipts carry the leaf, an inclusion proof and a signed tree head (Ed25519), and
 * consistency proofs show the log only grew. Hashing and proofs follow RFC 9162 (Certificate Transparency v2).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notary (transparency log)")
package org.opencets.notary;
