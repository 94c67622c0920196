package org.litmusfarm.dashboard.page;

/**
 * What the shared layout needs to know about a request: the nav entry to highlight, whether the
 * browser holds the farm token, and the page's own path (where the token form returns to).
 */
public record PageContext(String nav, boolean signedIn, String path) {}
