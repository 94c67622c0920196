package org.litmusfarm.dashboard.page;

import org.litmusfarm.dashboard.submit.SubmissionView;

/** The model of {@code /submissions/{id}} and of its results fragment. */
public record SubmissionPage(PageContext page, SubmissionView submission) {}
