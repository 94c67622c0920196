/** The farm token that write actions need. */
package org.litmusfarm.dashboard.auth;
