package floor;

/** Work the start-up singleton does before its timer starts (stage flyway: the migration). */
public interface StartupStep {
  void run();
}
