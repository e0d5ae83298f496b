package dev.tenancy.command.tenant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A one-question UDP DNS server answering TXT queries from a map, or not answering at all when silent. */
final class FakeDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<List<String>>> records = new ConcurrentHashMap<>();
    private volatile boolean silent;

    FakeDnsServer() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "fake-dns");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "dns://127.0.0.1:" + socket.getLocalPort();
    }

    /** Each record is a list of character strings, as a publisher splitting a long value would send. */
    void txt(String name, List<List<String>> values) {
        records.put(name, values);
    }

    void silent() {
        silent = true;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                if (!silent) {
                    byte[] answer = answer(query.getData(), query.getLength());
                    socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private byte[] answer(byte[] query, int length) {
        StringBuilder name = new StringBuilder();
        int at = 12;
        while (query[at] != 0) {
            int labelLength = query[at];
            name.append(name.isEmpty() ? "" : ".").append(new String(query, at + 1, labelLength,
                    StandardCharsets.US_ASCII));
            at += labelLength + 1;
        }
        int questionEnd = at + 5;
        List<List<String>> found = records.getOrDefault(name.toString().toLowerCase(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query[0]);
        out.write(query[1]);
        out.writeBytes(new byte[] {(byte) 0x81, (byte) (found.isEmpty() ? 0x83 : 0x80), 0, 1, 0,
                (byte) found.size(), 0, 0, 0, 0});
        out.write(query, 12, questionEnd - 12);
        for (List<String> record : found) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (String part : record) {
                byte[] bytes = part.getBytes(StandardCharsets.US_ASCII);
                data.write(bytes.length);
                data.writeBytes(bytes);
            }
            out.writeBytes(new byte[] {(byte) 0xC0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, (byte) data.size()});
            out.writeBytes(data.toByteArray());
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        socket.close();
    }
}
