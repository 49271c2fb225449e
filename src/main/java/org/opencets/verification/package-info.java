/**
 * Verification (核查, seed 002 §二(四)(八), §三(二); seed 004 §三(一)2, (三)5–6; seed 000 §二): verification firms and
 * their verifiers, the year's tasks and their assignment honouring conflicts of interest (by hand or by a logged,
 * reproducible random draw), the verifier's work (document review, site visit, findings and the emitter's corrections,
 * the conclusion and its report), objections and the city's decision, re-verification (复查), the publication of final
 * verified emissions ({@link org.opencets.verification.VerifiedEmissionsFinalised}, once per final conclusion) and the
 * city's yearly evaluation and credit rating of the firms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification: tasks, findings, conclusions, objections, firm evaluation")
package org.opencets.verification;
