/** Charts drawn as SVG on the server: the geometry, rendered by a template. */
package org.litmusfarm.dashboard.chart;
