package org.litmusfarm.dashboard.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The jte templates, compiled at build time, escaping HTML by default. */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders template {@code name} (e.g. {@code overview.jte}) with its one parameter. */
  public String render(String name, Object model) {
    StringOutput out = new StringOutput();
    engine.render(name, model, out);
    return out.toString();
  }
}
