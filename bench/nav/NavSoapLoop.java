package bench;

import java.net.URI;
import java.nio.file.Path;
import org.planbridge.backoffice.nav.BenchPagePort;

/**
 * The SOAP ceiling: {@link CeilingLoop}'s loop and commands ({@code go <n>}, {@code floor <n>}, {@code floorpk <n>}),
 * sending each body as a NAV page Create with the engine's own client code ({@link BenchPagePort}: the same CXF
 * {@code Dispatch<Source>}, conduit, login and payload), one port for all threads and rounds, as the engine keeps one
 * per connector version. {@code NavSoapLoop <page URL> <login> <password> <bodies file> <concurrency>}.
 */
final class NavSoapLoop {

  private NavSoapLoop() {}

  public static void main(String[] args) throws Exception {
    BenchPagePort port = new BenchPagePort(URI.create(args[0]), args[1], args[2]);
    CeilingLoop.serve(body -> port.send(body.id(), body.body()), CeilingLoop.read(Path.of(args[3])),
        Integer.parseInt(args[4]));
    port.close();
    System.exit(0); // standard input closed: the benchmark ended (CXF's threads would keep the JVM alive)
  }
}
