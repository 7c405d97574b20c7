package floor;

/** Whether the start-up singleton has finished; from the start when the stage has none (stage rest). */
public final class Started {
  private static final boolean HAS_SINGLETON = Started.class.getResource("Boot.class") != null;
  static volatile boolean done;

  private Started() {}

  static boolean ready() {
    return !HAS_SINGLETON || done;
  }
}
