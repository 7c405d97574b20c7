package bench;

/**
 * What a ceiling loop ({@link CeilingLoop#post(Sender, java.util.List, int, Runnable)}) and {@link OutboxFloor} send
 * each body with: the webhook's HTTP client ({@link CeilingLoop}), or another back office's client (the NAV
 * benchmark's SOAP loop, {@code NavSoapLoop}).
 */
interface Sender {
  void send(CeilingLoop.Body body) throws Exception;
}
