package org.opencets.verification;

/** A firm's credit rating from its evaluation score; D or below is notified and interviewed (seed 004 §三(三)5). */
public enum Rating {
    A, B, C, D, E;

    public boolean needsInterview() {
        return this == D || this == E;
    }
}
