import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that puts a network fault on the links it carries, for ops/drills/slow-network (run with
 * the JDK's source launcher: java FaultProxy.java CONTROL_FILE NAME=LISTEN_PORT:TARGET_PORT...).
 *
 * <p>Each line of CONTROL_FILE, read every 50 ms, sets one link's fault: {@code NAME delay MS JITTER_MS} (every byte
 * the client sends waits MS plus or minus JITTER_MS, so each request and its answer take that much longer, as netem on
 * one side of a link does), {@code NAME loss PERCENT} (that share of the reads is held
 * back 200 ms, Linux's minimum retransmission timeout, and what follows it waits behind it, as TCP delivers in order),
 * {@code NAME blackhole} (nothing is forwarded either way and connections stay open: no reset, no close). A link
 * without a line is clean. Bytes are never dropped: TCP does not lose data, it delays it, and that delay is what the
 * faults model. The kernel's own netem does this at the packet level; the kernels this drill runs on do not all
 * have it (a Firecracker guest's has no netem qdisc).
 */
public final class FaultProxy {

    private static final long LOSS_PENALTY_NANOS = 200_000_000L;
    private static final Map<String, Fault> FAULTS = new ConcurrentHashMap<>();

    record Fault(String kind, long delayNanos, long jitterNanos, double lossShare) {
        static final Fault CLEAN = new Fault("clean", 0, 0, 0);

        static Fault parse(List<String> words) {
            return switch (words.get(0)) {
                case "delay" -> new Fault("delay", millis(words.get(1)), millis(words.get(2)), 0);
                case "loss" -> new Fault("loss", 0, 0, Double.parseDouble(words.get(1)) / 100);
                case "blackhole" -> new Fault("blackhole", 0, 0, 0);
                case "clean" -> CLEAN;
                default -> throw new IllegalArgumentException("unknown fault " + words.get(0));
            };
        }

        private static long millis(String value) {
            return Long.parseLong(value) * 1_000_000L;
        }

        /** How long a read arriving now waits before it is written on; a delay only on the way to the server. */
        long wait(boolean towardsServer, ThreadLocalRandom random) {
            long lost = lossShare > 0 && random.nextDouble() < lossShare ? LOSS_PENALTY_NANOS : 0;
            if (!towardsServer) {
                return lost;
            }
            long jitter = jitterNanos == 0 ? 0 : random.nextLong(-jitterNanos, jitterNanos + 1);
            return Math.max(0, delayNanos + jitter) + lost;
        }
    }

    record Chunk(byte[] bytes, long releaseAt) {
    }

    public static void main(String[] args) throws IOException {
        Path control = Path.of(args[0]);
        for (String link : Arrays.copyOfRange(args, 1, args.length)) {
            String name = link.substring(0, link.indexOf('='));
            String[] ports = link.substring(link.indexOf('=') + 1).split(":");
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(ports[0])), 512);
            Thread.ofVirtual().name("accept-" + name).start(() -> accept(name, listener, Integer.parseInt(ports[1])));
        }
        System.out.println("fault proxy ready");
        while (true) {
            readControl(control);
            LockSupport.parkNanos(50_000_000L);
        }
    }

    private static void readControl(Path control) {
        try {
            Map<String, Fault> read = new ConcurrentHashMap<>();
            if (Files.exists(control)) {
                for (String line : Files.readAllLines(control)) {
                    List<String> words = Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
                    if (words.size() >= 2) {
                        read.put(words.get(0), Fault.parse(words.subList(1, words.size())));
                    }
                }
            }
            FAULTS.keySet().retainAll(read.keySet());
            FAULTS.putAll(read);
        } catch (IOException | RuntimeException e) {
            System.err.println("control file not read: " + e);
        }
    }

    private static Fault fault(String link) {
        return FAULTS.getOrDefault(link, Fault.CLEAN);
    }

    private static void accept(String link, ServerSocket listener, int targetPort) {
        while (true) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> connect(link, client, targetPort));
            } catch (IOException e) {
                System.err.println(link + ": accept failed: " + e);
            }
        }
    }

    private static void connect(String link, Socket client, int targetPort) {
        try {
            client.setTcpNoDelay(true);
            Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            target.setTcpNoDelay(true);
            AtomicInteger openDirections = new AtomicInteger(2);
            direction(link, client, target, true, openDirections);
            direction(link, target, client, false, openDirections);
        } catch (IOException e) {
            close(client);
        }
    }

    /** A reader that stamps each read with its release time, and a writer that writes it on no earlier. */
    private static void direction(String link, Socket from, Socket to, boolean towardsServer,
                                  AtomicInteger openDirections)
            throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16384];
            long lastRelease = 0;
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    while (fault(link).kind().equals("blackhole")) {
                        LockSupport.parkNanos(10_000_000L);
                    }
                    long releaseAt = Math.max(lastRelease, System.nanoTime()
                            + fault(link).wait(towardsServer, ThreadLocalRandom.current()));
                    lastRelease = releaseAt;
                    queue.put(new Chunk(Arrays.copyOf(buffer, n), releaseAt));
                }
            } catch (IOException | InterruptedException e) {
                // the connection is gone: the writer passes the end on
            }
            queue.add(new Chunk(null, 0));
        });
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk.bytes() == null) {
                        to.shutdownOutput();
                        if (openDirections.decrementAndGet() == 0) {
                            close(from);
                            close(to);
                        }
                        return;
                    }
                    long wait;
                    while ((wait = chunk.releaseAt() - System.nanoTime()) > 0 || fault(link).kind().equals("blackhole")) {
                        LockSupport.parkNanos(Math.max(wait, 1_000_000L));
                    }
                    out.write(chunk.bytes());
                }
            } catch (IOException | InterruptedException e) {
                close(from);
                close(to);
            }
        });
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
