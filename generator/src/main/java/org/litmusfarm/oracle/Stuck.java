package org.litmusfarm.oracle;

/** Explains, for a user, why a goroutine's next statement can never run. */
final class Stuck {
  private Stuck() {}

  static String reason(Code code, State s, Instr in) {
    String who = "P" + in.goroutine() + " can block forever at this ";
    return switch (in.op()) {
      case LOCK -> who + "lock: the mutex is never unlocked";
      case SEND -> code.chanCapacity[in.obj()] == 0
          ? who + "send: no receive can match it"
          : who + "send: the channel's buffer stays full";
      case RECV -> who + "receive: no send can match it";
      case WAIT -> who + "wait: the wait group counter never reaches zero";
      case ONCE -> s.once[in.obj()] == in.goroutine() + 1
          ? who + "once.Do: it is called inside its own body"
          : who + "once.Do: its body never finishes";
      default -> who + "statement";
    };
  }
}
