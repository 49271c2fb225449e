package org.opencets.verification;

import java.util.List;

/** Everything a task page shows: the task, the firm's work, the conclusions, objections, re-verifications and history. */
public record TaskView(VerificationTask task, List<SiteVisit> visits, List<Finding> findings, List<Conclusion> conclusions, List<Objection> objections,
        List<Reverification> reverifications, List<TaskEvent> history) {

    public Conclusion latestConclusion() {
        return conclusions.isEmpty() ? null : conclusions.getLast();
    }

    public Objection openObjection() {
        return objections.stream().filter(Objection::open).findFirst().orElse(null);
    }

    public Reverification openReverification() {
        return reverifications.stream().filter(r -> !r.finished()).findFirst().orElse(null);
    }

    /** The figures a revision must carry: the last finished re-verification that changed them, when it came after the last conclusion. */
    public Reverification requiredByReverification() {
        Conclusion latest = latestConclusion();
        return reverifications.stream().filter(r -> Boolean.TRUE.equals(r.changed()) && latest != null && r.conclusionId().equals(latest.id()))
                .reduce((a, b) -> b).orElse(null);
    }

    public long pendingFindings() {
        return findings.stream().filter(f -> f.status().pending()).count();
    }
}
