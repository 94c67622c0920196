package org.litmusfarm.coordinator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyTest {
  @Test
  void aMutantJoinsOnlyWithANewSignatureOrAViolation() {
    assertFalse(Energy.joins(0, 0));
    assertTrue(Energy.joins(1, 0));
    assertTrue(Energy.joins(0, 1));
  }

  @Test
  void moreFindingsGiveMoreEnergyUpToTheCap() {
    assertEquals(Energy.JOIN + Energy.PER_SIGNATURE, Energy.joined(1, 0));
    assertTrue(Energy.joined(2, 0) > Energy.joined(1, 0));
    assertTrue(Energy.joined(1, 1) > Energy.joined(1, 0));
    assertEquals(Energy.MAX, Energy.joined(1000, 5));
    assertTrue(Energy.joined(1, 0) > Energy.SEED);
  }

  @Test
  void aParentGainsWhenItsMutantFindsSomethingAndLosesOtherwiseButNeverBelowZero() {
    assertEquals(Energy.SEED + Energy.PARENT_REWARD, Energy.parentAfter(Energy.SEED, 1, 0));
    assertEquals(Energy.SEED - Energy.PENALTY, Energy.parentAfter(Energy.SEED, 0, 0));
    assertEquals(0, Energy.parentAfter(0, 0, 0));
    assertEquals(Energy.MAX, Energy.parentAfter(Energy.MAX, 3, 1));
  }

  @Test
  void seedsGainEnergyForEachWeakSignatureTheirCatalogRunShowedFirst() {
    assertEquals(Energy.SEED, Energy.seedAfterCatalog(Energy.SEED, 0));
    assertEquals(Energy.SEED + 2 * Energy.PER_SIGNATURE, Energy.seedAfterCatalog(Energy.SEED, 2));
    assertEquals(Energy.MAX, Energy.seedAfterCatalog(Energy.SEED, 100));
  }

  @Test
  void parentsAreDrawnInProportionToEnergy() {
    List<Integer> energies = List.of(0, 1, 3);
    int[] hits = new int[3];
    for (int n = 0; n < 4000; n++) {
      hits[ParentDraw.pick(energies, ParentDraw.random(7, n))]++;
    }
    assertEquals(0, hits[0]);
    assertTrue(hits[2] > 2 * hits[1] && hits[2] < 4 * hits[1], hits[1] + " vs " + hits[2]);
  }

  @Test
  void anExhaustedCorpusIsDrawnFromUniformly() {
    int[] hits = new int[2];
    for (int n = 0; n < 1000; n++) {
      hits[ParentDraw.pick(List.of(0, 0), ParentDraw.random(7, n))]++;
    }
    assertTrue(hits[0] > 400 && hits[1] > 400, hits[0] + " vs " + hits[1]);
    assertThrows(IllegalArgumentException.class, () -> ParentDraw.pick(List.of(), ParentDraw.random(1, 1)));
  }

  @Test
  void drawsDependOnlyOnSeedAndDrawNumber() {
    List<Integer> energies = List.of(5, 2, 9, 1, 4);
    List<Integer> first = new ArrayList<>();
    List<Integer> again = new ArrayList<>();
    List<Integer> otherSeed = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      first.add(ParentDraw.pick(energies, ParentDraw.random(11, n)));
      again.add(ParentDraw.pick(energies, ParentDraw.random(11, n)));
      otherSeed.add(ParentDraw.pick(energies, ParentDraw.random(12, n)));
    }
    assertEquals(first, again);
    assertFalse(first.equals(otherSeed));
  }
}
