package org.litmusfarm.cli;

import picocli.CommandLine;

/** Reports the farm's version from the jar manifest. */
final class FarmVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Farm.class.getPackage().getImplementationVersion();
    return new String[] {"farm " + (v == null ? "development build" : v)};
  }
}
