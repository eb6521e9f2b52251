package org.hearth.hub.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hub's {@code hub.yaml} for a test on this machine: the uplink and the HTTPS API on free ports
 * of 127.0.0.1, a self-signed certificate, the data in {@code data/} beside the file (SQLite).
 *
 * @param file the config file
 * @param udp  the gateways' uplink port
 * @param tcp  the HTTPS port
 * @param url  the public URL carers' phones open
 */
public record LocalHubConfig(Path file, int udp, int tcp, String url) {

    /** Writes {@code hub.yaml} in the folder. */
    public static LocalHubConfig in(Path dir) throws IOException {
        int udp;
        try (DatagramSocket s = new DatagramSocket(0)) {
            udp = s.getLocalPort();
        }
        int tcp;
        try (ServerSocket s = new ServerSocket(0)) {
            tcp = s.getLocalPort();
        }
        String url = "https://127.0.0.1:" + tcp;
        Path file = dir.resolve("hub.yaml");
        Files.writeString(file, "uplink: {bind: 127.0.0.1, port: " + udp + ", public_host: 127.0.0.1}\n"
                + "storage: {data_dir: data}\n"
                + "http: {bind: 127.0.0.1, port: " + tcp + ", public_url: \"" + url + "\", tls: self-signed}\n",
                StandardCharsets.UTF_8);
        return new LocalHubConfig(file, udp, tcp, url);
    }
}
