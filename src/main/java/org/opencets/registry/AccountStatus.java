package org.opencets.registry;

/**
 * An account's status and what it allows: an open account does everything; a restricted one receives and
 * surrenders but sends nothing else; a frozen one receives only; a closed one (emptied first) does nothing. A court's
 * freeze (and its release) applies whatever the status, a closed account apart.
 */
public enum AccountStatus {
    OPEN, RESTRICTED, FROZEN, CLOSED;

    boolean mayReceive() {
        return this != CLOSED;
    }

    boolean maySend(OperationKind kind) {
        return switch (this) {
            case OPEN -> true;
            case RESTRICTED -> kind.surrenders() || kind.releases() || kind.courtOrdered();
            case FROZEN -> kind.releases() || kind.courtOrdered();
            case CLOSED -> false;
        };
    }
}
