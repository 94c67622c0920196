package org.litmusfarm.catalog;

import static org.litmusfarm.catalog.Conditions.all;
import static org.litmusfarm.catalog.Conditions.fin;
import static org.litmusfarm.catalog.Conditions.reg;
import static org.litmusfarm.catalog.Shape.ifEq;
import static org.litmusfarm.catalog.Shape.r;
import static org.litmusfarm.catalog.Shape.w;
import static org.litmusfarm.catalog.Shape.wr;

import java.util.List;
import org.litmusfarm.model.Prop;

/**
 * The classic shapes of gomm.md sections 4.3 and 5 (T01-T26) plus three herd rings, with their
 * non-SC outcome as the exists condition. Registers are numbered per goroutine from r0.
 */
final class ClassicShapes {
  private ClassicShapes() {}

  private static Shape shape(String name, String description, List<String> vars, Prop exists, List<List<Shape.Op>> threads) {
    return new Shape(name, description, vars, threads, exists);
  }

  static final Shape MP =
      shape("MP", "Message passing: data x then flag y", List.of("x", "y"),
          all(reg(1, 0, 1), reg(1, 1, 0)),
          List.of(List.of(w("x", 1), w("y", 1)), List.of(r(0, "y"), r(1, "x"))));

  static final Shape SB =
      shape("SB", "Store buffering: both loads miss the other goroutine's store", List.of("x", "y"),
          all(reg(0, 0, 0), reg(1, 0, 0)),
          List.of(List.of(w("x", 1), r(0, "y")), List.of(w("y", 1), r(0, "x"))));

  static final Shape LB =
      shape("LB", "Load buffering: each load sees the other goroutine's later store", List.of("x", "y"),
          all(reg(0, 0, 1), reg(1, 0, 1)),
          List.of(List.of(r(0, "x"), w("y", 1)), List.of(r(0, "y"), w("x", 1))));

  static final Shape IRIW =
      shape("IRIW", "Independent reads of independent writes: readers disagree on the order", List.of("x", "y"),
          all(reg(2, 0, 1), reg(2, 1, 0), reg(3, 0, 1), reg(3, 1, 0)),
          List.of(
              List.of(w("x", 1)),
              List.of(w("y", 1)),
              List.of(r(0, "x"), r(1, "y")),
              List.of(r(0, "y"), r(1, "x"))));

  static final Shape WRC =
      shape("WRC", "Write-to-read causality: a write seen by a forwarder is missed by the last reader", List.of("x", "y"),
          all(reg(1, 0, 1), reg(2, 0, 1), reg(2, 1, 0)),
          List.of(List.of(w("x", 1)), List.of(r(0, "x"), w("y", 1)), List.of(r(0, "y"), r(1, "x"))));

  static final Shape ISA2 =
      shape("ISA2", "Message passing through a chain of two flags y and z", List.of("x", "y", "z"),
          all(reg(1, 0, 1), reg(2, 0, 1), reg(2, 1, 0)),
          List.of(
              List.of(w("x", 1), w("y", 1)),
              List.of(r(0, "y"), w("z", 1)),
              List.of(r(0, "z"), r(1, "x"))));

  static final Shape TWO_TWO_W =
      shape("2+2W", "Two writers write x and y in opposite orders; both first writes survive", List.of("x", "y"),
          all(fin("x", 1), fin("y", 1)),
          List.of(List.of(w("x", 1), w("y", 2)), List.of(w("y", 1), w("x", 2))));

  static final Shape R =
      shape("R", "R: a write-write race on y and a read that misses x", List.of("x", "y"),
          all(fin("y", 2), reg(1, 0, 0)),
          List.of(List.of(w("x", 1), w("y", 1)), List.of(w("y", 2), r(0, "x"))));

  static final Shape S =
      shape("S", "S: a read of the flag, then a write to x that an older write outlives", List.of("x", "y"),
          all(reg(1, 0, 1), fin("x", 2)),
          List.of(List.of(w("x", 2), w("y", 1)), List.of(r(0, "y"), w("x", 1))));

  static final Shape RWC =
      shape("RWC", "Read-to-write causality", List.of("x", "y"),
          all(reg(1, 0, 1), reg(1, 1, 0), reg(2, 0, 0)),
          List.of(List.of(w("x", 1)), List.of(r(0, "x"), r(1, "y")), List.of(w("y", 1), r(0, "x"))));

  static final Shape W_RWC =
      shape("W+RWC", "W+RWC: message passing on y meets store buffering on z", List.of("x", "y", "z"),
          all(reg(1, 0, 1), reg(1, 1, 0), reg(2, 0, 0)),
          List.of(
              List.of(w("x", 1), w("y", 1)),
              List.of(r(0, "y"), r(1, "z")),
              List.of(w("z", 1), r(0, "x"))));

  static final Shape Z6_0 =
      shape("Z6.0", "Z6.0", List.of("x", "y", "z"),
          all(reg(1, 0, 1), fin("z", 2), reg(2, 0, 0)),
          List.of(
              List.of(w("x", 1), w("y", 1)),
              List.of(r(0, "y"), w("z", 1)),
              List.of(w("z", 2), r(0, "x"))));

  static final Shape Z6_1 =
      shape("Z6.1", "Z6.1", List.of("x", "y", "z"),
          all(fin("x", 2), fin("y", 2), reg(2, 0, 1)),
          List.of(
              List.of(w("x", 2), w("y", 1)),
              List.of(w("y", 2), w("z", 1)),
              List.of(r(0, "z"), w("x", 1))));

  static final Shape Z6_2 =
      shape("Z6.2", "Z6.2", List.of("x", "y", "z"),
          all(reg(1, 0, 1), reg(2, 0, 1), fin("x", 2)),
          List.of(
              List.of(w("x", 2), w("y", 1)),
              List.of(r(0, "y"), w("z", 1)),
              List.of(r(0, "z"), w("x", 1))));

  static final Shape Z6_3 =
      shape("Z6.3", "Z6.3", List.of("x", "y", "z"),
          all(fin("y", 2), reg(2, 0, 1), reg(2, 1, 0)),
          List.of(
              List.of(w("x", 1), w("y", 1)),
              List.of(w("y", 2), w("z", 1)),
              List.of(r(0, "z"), r(1, "x"))));

  static final Shape Z6_4 =
      shape("Z6.4", "Z6.4", List.of("x", "y", "z"),
          all(fin("y", 2), reg(1, 0, 0), reg(2, 0, 0)),
          List.of(
              List.of(w("x", 1), w("y", 1)),
              List.of(w("y", 2), r(0, "z")),
              List.of(w("z", 1), r(0, "x"))));

  static final Shape Z6_5 =
      shape("Z6.5", "Z6.5", List.of("x", "y", "z"),
          all(fin("y", 2), fin("z", 2), reg(2, 0, 0)),
          List.of(
              List.of(w("x", 1), w("y", 1)),
              List.of(w("y", 2), w("z", 1)),
              List.of(w("z", 2), r(0, "x"))));

  static final Shape SB3 =
      shape("3.SB", "Store buffering around a ring of three goroutines", List.of("x", "y", "z"),
          all(reg(0, 0, 0), reg(1, 0, 0), reg(2, 0, 0)),
          List.of(
              List.of(w("x", 1), r(0, "y")),
              List.of(w("y", 1), r(0, "z")),
              List.of(w("z", 1), r(0, "x"))));

  static final Shape LB3 =
      shape("3.LB", "Load buffering around a ring of three goroutines", List.of("x", "y", "z"),
          all(reg(0, 0, 1), reg(1, 0, 1), reg(2, 0, 1)),
          List.of(
              List.of(r(0, "x"), w("y", 1)),
              List.of(r(0, "y"), w("z", 1)),
              List.of(r(0, "z"), w("x", 1))));

  static final Shape W2_3 =
      shape("3.2W", "Three writers, each first write survives", List.of("x", "y", "z"),
          all(fin("x", 2), fin("y", 2), fin("z", 2)),
          List.of(
              List.of(w("x", 2), w("y", 1)),
              List.of(w("y", 2), w("z", 1)),
              List.of(w("z", 2), w("x", 1))));

  static final Shape WWC =
      shape("WWC", "Write-to-write causality", List.of("x", "y"),
          all(reg(1, 0, 2), reg(2, 0, 1), fin("x", 2)),
          List.of(List.of(w("x", 2)), List.of(r(0, "x"), w("y", 1)), List.of(r(0, "y"), w("x", 1))));

  static final Shape CORR =
      shape("CoRR", "Coherence of two reads: new value, then old", List.of("x"),
          all(reg(1, 0, 1), reg(1, 1, 0)),
          List.of(List.of(w("x", 1)), List.of(r(0, "x"), r(1, "x"))));

  static final Shape CORR4 =
      shape("CoRR4", "Coherence with two writers and two readers that disagree on their order", List.of("x"),
          all(reg(2, 0, 1), reg(2, 1, 2), reg(3, 0, 2), reg(3, 1, 1)),
          List.of(
              List.of(w("x", 1)),
              List.of(w("x", 2)),
              List.of(r(0, "x"), r(1, "x")),
              List.of(r(0, "x"), r(1, "x"))));

  static final Shape COWR =
      shape("CoWR", "Coherence write-read: the read sees the other write, the own write survives", List.of("x"),
          all(reg(0, 0, 2), fin("x", 1)),
          List.of(List.of(w("x", 1), r(0, "x")), List.of(w("x", 2))));

  static final Shape COWR_OWN =
      shape("CoWR.own", "Coherence write-read, own-goroutine part: the read misses its own earlier write", List.of("x"),
          reg(0, 0, 0),
          List.of(List.of(w("x", 1), r(0, "x")), List.of(w("x", 2))));

  static final Shape CORW =
      shape("CoRW", "Coherence read-write: the read sees the other write, which outlives the own write", List.of("x"),
          all(reg(0, 0, 2), fin("x", 2)),
          List.of(List.of(r(0, "x"), w("x", 1)), List.of(w("x", 2))));

  static final Shape CORW_OWN =
      shape("CoRW.own", "Coherence read-write, own-goroutine part: the read sees its own later write", List.of("x"),
          reg(0, 0, 1),
          List.of(List.of(r(0, "x"), w("x", 1)), List.of(w("x", 2))));

  static final Shape COWW =
      shape("CoWW", "Coherence write-write: the older of a goroutine's two writes survives", List.of("x"),
          fin("x", 1),
          List.of(List.of(w("x", 1), w("x", 2)), List.of(w("x", 3))));

  static final Shape OOTA =
      shape("LB+data", "Out of thin air: load buffering where each store writes the value loaded", List.of("x", "y"),
          all(reg(0, 0, 42), reg(1, 0, 42)),
          List.of(List.of(r(0, "x"), wr("y", 0)), List.of(r(0, "y"), wr("x", 0))));

  static final Shape LB_CTRL =
      shape("LB+ctrl", "Load buffering where each store depends on the value loaded", List.of("x", "y"),
          all(reg(0, 0, 1), reg(1, 0, 1)),
          List.of(
              List.of(r(0, "x"), ifEq(0, 1, w("y", 1))),
              List.of(r(0, "y"), ifEq(0, 1, w("x", 1)))));
}
