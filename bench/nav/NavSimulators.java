package bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.planbridge.testing.nav.NavSimulator;

/**
 * The NAV benchmark's back office, in a JVM of its own: two {@link NavSimulator}s (the test tree's) keeping counts
 * only, one asking for NTLM (a real NTLMv2 handshake per connection), one for Basic, each handling requests on a
 * cached thread pool. Every Create is noted by a {@link DrainBenchmark.Recorder} (its transaction id, from the page's
 * PlanBridge_Transaction_Id, and its arrival time, once the call was read and checked; the simulator's NTLM
 * handshakes stand for the connections). {@code NavSimulators <NTLM port> <Basic port>} prints {@code ready}, then
 * answers lines on standard input: {@code record <n>} (a new recorder), {@code delay <ms>} (both answer each call
 * that much later),
 * {@code await <n>} ({@code done <count> <first ns> <last ns> <handshakes> <duplicates> <gaps> <gap ns>}).
 */
final class NavSimulators {

  static final String USER = NavDrainBenchmark.NAV_USER;
  static final String DOMAIN = NavDrainBenchmark.NAV_DOMAIN;
  static final String PASSWORD = NavDrainBenchmark.NAV_PASSWORD;

  private NavSimulators() {}

  public static void main(String[] args) throws Exception {
    // com.sun.net.httpserver leaves Nagle's algorithm on by default: the simulator writes an answer's headers and its
    // body apart, the body then waits for the client's delayed ACK (40 ms on Linux), and every call takes 40 ms
    // more than its work (in a first run: ~720 calls/s from 32 threads, the JVMs half idle). NAV (http.sys) does not
    // wait so. Read when the first server is made.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
    NavSimulator ntlm = NavSimulator.builder().port(Integer.parseInt(args[0])).mode(NavSimulator.AuthMode.NTLM_ONLY)
        .domain(DOMAIN).user(USER).password(PASSWORD).countOnly().start();
    NavSimulator basic = NavSimulator.builder().port(Integer.parseInt(args[1])).mode(NavSimulator.AuthMode.BASIC)
        .user(USER).password(PASSWORD).countOnly().start();
    DrainBenchmark.Recorder[] recorder = {new DrainBenchmark.Recorder(0)};
    for (NavSimulator simulator : new NavSimulator[] {ntlm, basic}) {
      simulator.onReceived(call -> {
        long arrived = System.nanoTime();
        String id = call.fields().get(NavSimulator.TRANSACTION_FIELD);
        if (call.operation().equals("Create")) {
          recorder[0].arrived(id == null || !call.succeeded() ? -1 : Long.parseLong(id.strip()), arrived, 0);
        }
      });
    }
    System.out.println("ready");
    System.out.flush();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int handshakes = 0;
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      String[] words = line.split(" ");
      int n = Integer.parseInt(words[1]);
      try {
        switch (words[0]) {
          case "record" -> {
            handshakes = ntlm.handshakes();
            recorder[0] = new DrainBenchmark.Recorder(n);
            System.out.println("done");
          }
          case "delay" -> {
            ntlm.delay(Duration.ofMillis(n));
            basic.delay(Duration.ofMillis(n));
            System.out.println("done");
          }
          case "await" -> {
            recorder[0].await(n, "the NAV simulator");
            DrainBenchmark.Phase phase = recorder[0].phase("", 0, 0, 0, 0, "");
            System.out.println("done " + phase.count() + " " + phase.firstNanos() + " " + phase.lastNanos() + " "
                + (ntlm.handshakes() - handshakes) + " " + phase.duplicates() + " " + phase.gaps() + " "
                + phase.gapNanos());
          }
          default -> System.out.println("failed: unknown command " + line);
        }
      } catch (Exception e) {
        System.out.println("failed " + e);
      }
      System.out.flush();
    }
    ntlm.close();
    basic.close();
    System.exit(0);
  }
}
