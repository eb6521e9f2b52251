package org.hearth.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about another process, read from outside it: resident memory and its peak
 * ({@code /proc/PID/status}), CPU time ({@code /proc/PID/stat}) and bytes it caused to be written
 * to storage ({@code /proc/PID/io}). The figures include everything the JVM does (GC, JIT,
 * Californium's threads), which a measurement from inside would miss.
 */
record ProcStats(long rssKb, long peakRssKb, long cpuTicks, long writeBytes) {

    /** USER_HZ: the unit of utime and stime. 100 on every Linux the Pi and build machines run. */
    static final int TICKS_PER_SECOND = 100;

    static ProcStats read(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long rss = -1;
        long hwm = -1;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kb(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kb(line);
            }
        }
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 14th and 15th.
        String stat = Files.readString(proc.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long written = -1;
        for (String line : Files.readAllLines(proc.resolve("io"))) {
            if (line.startsWith("write_bytes:")) {
                written = Long.parseLong(line.substring("write_bytes:".length()).strip());
            }
        }
        if (rss < 0 || hwm < 0 || written < 0) {
            throw new IOException("/proc/" + pid + " lacks VmRSS, VmHWM or write_bytes (a kernel without task I/O accounting?)");
        }
        return new ProcStats(rss, hwm, cpu, written);
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }

    static double mb(long kb) {
        return kb / 1024.0;
    }

    /** CPU used between {@code earlier} and this, as a percentage of one core over {@code seconds}. */
    double cpuPercentSince(ProcStats earlier, double seconds) {
        return (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND / seconds * 100;
    }
}
