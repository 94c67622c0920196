/** Submitting programs to the coordinator and following their results. */
package org.litmusfarm.dashboard.submit;
