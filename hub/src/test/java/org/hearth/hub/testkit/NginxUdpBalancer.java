package org.hearth.hub.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx with its stream module (packages {@code nginx} and {@code libnginx-mod-stream})
 * as a UDP load balancer in front of hub nodes: one worker, round robin, so each new client
 * address:port goes to the next node (docs/hub-api.md, "A cluster of hub nodes", shows the
 * production form, which hashes on the source address).
 */
public final class NginxUdpBalancer implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    public static final Path STREAM_MODULE = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");

    private final Process process;
    private final InetSocketAddress address;
    private final Path dir;

    private NginxUdpBalancer(Process process, InetSocketAddress address, Path dir) {
        this.process = process;
        this.address = address;
        this.dir = dir;
    }

    /** Starts nginx on a free loopback UDP port, balancing over {@code nodes} in their order. */
    public static NginxUdpBalancer start(Path dir, List<InetSocketAddress> nodes) throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX) || !Files.isReadable(STREAM_MODULE)) {
            throw new IllegalStateException("nginx with its stream module is missing: apt install nginx libnginx-mod-stream "
                    + "(scripts/setup test)");
        }
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            port = s.getLocalPort();
        }
        String servers = nodes.stream().map(n -> "    server 127.0.0.1:" + n.getPort() + ";").collect(Collectors.joining("\n"));
        Path conf = Files.writeString(dir.resolve("nginx.conf"), """
                load_module %s;
                daemon off;
                worker_processes 1;
                pid %s;
                error_log %s info;
                events { worker_connections 256; }
                stream {
                  upstream hub_uplink {
                %s
                  }
                  server {
                    listen 127.0.0.1:%d udp;
                    proxy_pass hub_uplink;
                    proxy_timeout 60s;
                  }
                }
                """.formatted(STREAM_MODULE, dir.resolve("nginx.pid"), dir.resolve("error.log"), servers, port));
        Process p = new ProcessBuilder(NGINX.toString(), "-c", conf.toString(), "-p", dir.toString(), "-e",
                dir.resolve("error.log").toString()).redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxUdpBalancer balancer = new NginxUdpBalancer(p, new InetSocketAddress("127.0.0.1", port), dir);
        balancer.awaitListening();
        return balancer;
    }

    /** nginx writes "start worker process" to its error log once it serves. */
    private void awaitListening() throws IOException, InterruptedException {
        Path log = dir.resolve("error.log");
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(dir.resolve("nginx.out"))
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            if (Files.exists(log) && Files.readString(log).contains("start worker process")) {
                return;
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("nginx did not start within 10 s");
    }

    /** Where clients send. */
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        // The master's own pid: only this nginx, which the test started, is stopped.
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
