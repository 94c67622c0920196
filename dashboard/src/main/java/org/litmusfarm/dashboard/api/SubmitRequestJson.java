package org.litmusfarm.dashboard.api;

import java.util.List;

/** The body of {@code POST /api/submit}; seconds defaults to 1 and allow_emulated to true. */
record SubmitRequestJson(String litmus, List<String> archs, Double seconds, Boolean allowEmulated) {}
