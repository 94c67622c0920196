/** The JSON API under {@code /api}, and its JSON mapping. */
package org.litmusfarm.dashboard.api;
