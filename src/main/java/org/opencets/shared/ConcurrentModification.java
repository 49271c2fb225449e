package org.opencets.shared;

/** Someone else changed the record since it was read (optimistic locking); reload and try again. */
public class ConcurrentModification extends RuntimeException {

    public ConcurrentModification(String what, Object id) {
        super(what + " " + id + " was changed by someone else; reload and try again");
    }
}
