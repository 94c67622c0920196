/** The HTML pages: routes, page models and the jte templates' helpers. */
package org.litmusfarm.dashboard.page;
