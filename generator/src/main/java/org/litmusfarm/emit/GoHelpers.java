package org.litmusfarm.emit;

/** Small Go functions that emitted bodies call; each is emitted only when a body uses it. */
final class GoHelpers {
  static final String B2I =
      """
      func b2i(b bool) int64 {
      \tif b {
      \t\treturn 1
      \t}
      \treturn 0
      }

      """;

  static final String RECV_OK =
      """
      func recvOK(c chan int64) (int64, int64) {
      \tv, ok := <-c
      \tif ok {
      \t\treturn v, 1
      \t}
      \treturn v, 0
      }

      """;

  static final String PLAIN_ADD =
      """
      // plainAdd is the rmw-plain mutant of atomic.AddInt64: not atomic.
      func plainAdd(p *int64, v int64) int64 {
      \tn := *p + v
      \t*p = n
      \treturn n
      }

      """;

  static final String PLAIN_SWAP =
      """
      // plainSwap is the rmw-plain mutant of atomic.SwapInt64: not atomic.
      func plainSwap(p *int64, v int64) int64 {
      \told := *p
      \t*p = v
      \treturn old
      }

      """;

  static final String PLAIN_CAS =
      """
      // plainCompareAndSwap is the rmw-plain mutant of atomic.CompareAndSwapInt64: not atomic.
      func plainCompareAndSwap(p *int64, old, v int64) bool {
      \tif *p != old {
      \t\treturn false
      \t}
      \t*p = v
      \treturn true
      }

      """;

  static final String SPIN_LOCK =
      """
      //go:noinline
      func plainLoad(p *int64) int64 {
      \treturn *p
      }

      // spinLock is the mutex-no-order mutant of sync.Mutex.Lock: a test-then-set on a plain
      // flag, with neither mutual exclusion nor ordering.
      func spinLock(p *int64) {
      \tfor spins := 0; plainLoad(p) != 0; spins++ {
      \t\tif spins > spinsBeforeYield {
      \t\t\truntime.Gosched()
      \t\t}
      \t}
      \t*p = 1
      }

      """;

  private GoHelpers() {}
}
