package org.litmusfarm.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Program;
import org.litmusfarm.text.Printer;
import org.litmusfarm.text.Programs;

class ReducerTest {
  private static final Reproducer BOTH_STORE_LOAD_PAIRS =
      v -> Fixtures.storeThenLoad(v.program(), "x", "y") && Fixtures.storeThenLoad(v.program(), "y", "x");
  private static final String STORE_BUFFERING = """
      var x y

      P0 {
        atomic.Store(&x, 1)
        r0 = atomic.Load(&y)
      }

      P1 {
        atomic.Store(&y, 1)
        r0 = atomic.Load(&x)
      }

      exists (P0:r0 == 0 && P1:r0 == 0)
      """;

  private static Reduction reduce(Reproducer r, ReduceLimits limits, List<Step> steps) {
    return new Reducer(new Candidates(Fixtures.ORACLE), r, limits, steps::add).reduce(Fixtures.noise());
  }

  private static ReduceLimits limits(int attempts, long seed) {
    return new ReduceLimits(attempts, Duration.ofMinutes(5), seed);
  }

  /** The text after the doc line: declarations, goroutines and condition. */
  private static String body(Program p) {
    String text = Printer.print(p);
    return text.substring(text.indexOf("\n\n") + 2);
  }

  @Test
  void theNoiseProgramReducesToStoreBufferingWhileBothAtomicPairsRemain() {
    List<Step> steps = new ArrayList<>();
    Reduction r = reduce(BOTH_STORE_LOAD_PAIRS, limits(500, 1), steps);
    assertEquals(Reduction.Stop.MINIMAL, r.stop());
    assertEquals(STORE_BUFFERING, body(r.reduced().program()));
    assertEquals("P0:r0=0; P1:r0=0", r.reduced().outcome().toString());
    assertEquals(new Size(2, 4, 2, 8), r.reducedSize());
    assertEquals(r.attempts(), steps.size());
    assertEquals(r.accepted(), steps.stream().filter(Step::reproduced).toList());
  }

  @Test
  void theSameSeedGivesTheSameStepsAndAnotherSeedTheSameMinimum() {
    List<Step> first = new ArrayList<>();
    List<Step> again = new ArrayList<>();
    List<Step> other = new ArrayList<>();
    Reduction a = reduce(BOTH_STORE_LOAD_PAIRS, limits(500, 7), first);
    Reduction b = reduce(BOTH_STORE_LOAD_PAIRS, limits(500, 7), again);
    Reduction c = reduce(BOTH_STORE_LOAD_PAIRS, limits(500, 8), other);
    assertEquals(edits(first), edits(again));
    assertEquals(a.reduced(), b.reduced());
    assertEquals(a.reduced(), c.reduced());
  }

  @Test
  void theSeedOnlyReordersCandidatesOfEqualSize() {
    List<Step> a = new ArrayList<>();
    List<Step> b = new ArrayList<>();
    reduce(v -> false, limits(500, 1), a);
    reduce(v -> false, limits(500, 2), b);
    assertEquals(Set.copyOf(edits(a)), Set.copyOf(edits(b)));
    assertEquals(a.stream().map(s -> s.candidate().size()).toList(), b.stream().map(s -> s.candidate().size()).toList());
    for (int i = 1; i < a.size(); i++) {
      assertTrue(a.get(i - 1).candidate().size().compareTo(a.get(i).candidate().size()) <= 0);
    }
  }

  private static List<String> edits(List<Step> steps) {
    return steps.stream().map(s -> s.candidate().edit() + "=" + s.reproduced()).toList();
  }

  @Test
  void everyAcceptedStepIsStrictlySmallerThanTheOneBefore() {
    Reduction r = reduce(v -> true, limits(500, 3), new ArrayList<>());
    Size previous = r.originalSize();
    for (Step s : r.accepted()) {
      assertTrue(s.candidate().size().compareTo(previous) < 0, s.candidate().edit());
      previous = s.candidate().size();
    }
    assertTrue(r.reducedSize().fitsWithin(new Size(2, 4, 2, 0)), r.reducedSize().toString());
  }

  @Test
  void noProgramIsTriedTwice() {
    Set<String> seen = new HashSet<>();
    List<Step> steps = new ArrayList<>();
    reduce(BOTH_STORE_LOAD_PAIRS, limits(500, 5), steps);
    for (Step s : steps) {
      assertTrue(seen.add(Programs.id(s.candidate().violation().program()).hex()), s.candidate().edit());
    }
  }

  @Test
  void whenNothingReproducesTheOriginalIsMinimalAfterTryingEveryCandidate() {
    List<Step> steps = new ArrayList<>();
    Reduction r = reduce(v -> false, limits(500, 1), steps);
    assertEquals(Reduction.Stop.MINIMAL, r.stop());
    assertEquals(r.original().program(), r.reduced().program());
    assertEquals(List.of(), r.accepted());
    Candidates candidates = new Candidates(Fixtures.ORACLE);
    assertEquals(candidates.of(candidates.narrow(Fixtures.noise())).size(), r.attempts());
  }

  @Test
  void aCandidateMissedOnceIsTriedAgainWhenMoreTriesAreAllowed() {
    Set<String> seenOnce = new HashSet<>();
    Reproducer secondTimeLucky = v -> BOTH_STORE_LOAD_PAIRS.reproduces(v)
        && !seenOnce.add(Programs.id(v.program()).hex());
    Reduction once = reduce(secondTimeLucky, limits(500, 1), new ArrayList<>());
    assertEquals(once.original().program(), once.reduced().program());
    seenOnce.clear();
    Reduction twice = reduce(secondTimeLucky, new ReduceLimits(500, Duration.ofMinutes(5), 1, 2), new ArrayList<>());
    assertEquals(STORE_BUFFERING, body(twice.reduced().program()));
    assertEquals(Reduction.Stop.MINIMAL, twice.stop());
  }

  @Test
  void removingAnObjectAlsoRemovesTheBlocksItLeavesEmpty() {
    assertTrue(Edits.of(Fixtures.noise()).stream()
        .filter(e -> e.description().equals("remove variable w"))
        .allMatch(e -> Printer.print(e.draft()).contains("P2 {\n  atomic.Store(&z, 5)\n  r0 = <-c\n}\n")));
  }

  @Test
  void theAttemptLimitStopsTheReduction() {
    List<Step> steps = new ArrayList<>();
    Reduction r = reduce(v -> false, limits(3, 1), steps);
    assertEquals(Reduction.Stop.ATTEMPTS, r.stop());
    assertEquals(3, r.attempts());
    assertEquals(3, steps.size());
  }

  @Test
  void theTimeLimitStopsTheReduction() {
    AtomicLong now = new AtomicLong();
    Reproducer slow = v -> {
      now.addAndGet(Duration.ofSeconds(10).toNanos());
      return false;
    };
    ReduceLimits limits = new ReduceLimits(500, Duration.ofSeconds(25), 1);
    Reduction r = new Reducer(new Candidates(Fixtures.ORACLE), slow, limits, s -> {}, now::get).reduce(Fixtures.noise());
    assertEquals(Reduction.Stop.TIME, r.stop());
    assertEquals(3, r.attempts());
    assertEquals(Duration.ofSeconds(30), r.elapsed());
  }
}
