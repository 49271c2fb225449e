package org.opencets.shared;

/** The record does not exist, or lies outside what the current user may see (answered the same: 404). */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String what, Object id) {
        super(what + " not found: " + id);
    }
}
