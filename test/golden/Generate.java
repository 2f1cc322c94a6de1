// Golden fixture generator: asks the real Quartz 2.3.2 (Debian's libquartz2-java) for fire times.
// Run through generate.sh. Corpus = test/golden/expressions.txt (hand-picked) + seeded random
// expressions (java.util.Random with SEED below, so the corpus is identical on every run).
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;

public class Generate {
    static final long SEED = 20270314L;
    static final int RANDOM_VALID = 520;
    static final int RANDOM_INVALID = 60;
    static final int FIRES = 6;

    static final String[] ZONES = {
        "UTC", "America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham",
        // Half-hour offset with North American DST dates; Ireland's "negative" DST (winter is the saved time).
        "America/St_Johns", "Europe/Dublin",
    };

    // Start instants: DST weeks in both hemispheres (and inside a repeated hour), month ends, the leap day,
    // year boundaries, and two after 2037, where Java's transition table ends and its zone rules take over.
    static final String[] STARTS = {
        "2027-03-13T12:00:00Z", // New York springs forward 2027-03-14
        "2027-03-27T12:00:00Z", // Berlin springs forward 2027-03-28
        "2027-04-03T10:00:00Z", // Sydney / Lord Howe / Chatham fall back 2027-04-04
        "2027-09-25T10:00:00Z", // Chatham springs forward 2027-09-26
        "2027-10-02T10:00:00Z", // Sydney / Lord Howe spring forward 2027-10-03
        "2027-10-30T12:00:00Z", // Berlin falls back 2027-10-31
        "2027-11-07T05:30:00Z", // inside New York's repeated hour (01:30 EDT)
        "2027-01-31T12:00:00Z", // month end
        "2027-04-30T23:59:59Z", // month end, last second
        "2028-02-28T12:00:00Z", // leap day 2028-02-29
        "2026-12-31T22:00:00Z", // year boundary
        "2029-12-31T23:59:59Z", // year boundary, last second
        "2040-03-10T12:00:00Z", // past Java's transition table (2037): New York springs forward 2040-03-11
        "2039-10-01T10:00:00Z", // past the table: Sydney / Lord Howe spring forward 2039-10-02
    };

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "test/golden");
        List<String> hand = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expressions.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isEmpty()) continue;
            hand.add(line);
        }
        Random rnd = new Random(SEED);
        Set<String> valid = new LinkedHashSet<>();
        Set<String> invalid = new LinkedHashSet<>();
        for (String e : hand) (isValid(e) ? valid : invalid).add(e);
        int guard = 0;
        while (valid.size() < hand.size() + RANDOM_VALID && guard++ < 100000) {
            String e = randomExpression(rnd);
            if (isValid(e)) valid.add(e); else invalid.add(e);
        }
        int invalidTarget = invalid.size() + RANDOM_INVALID;
        guard = 0;
        while (invalid.size() < invalidTarget && guard++ < 100000) {
            String e = mutate(rnd, randomExpression(rnd));
            if (!isValid(e)) invalid.add(e); else valid.add(e);
        }

        long[] starts = new long[STARTS.length];
        for (int i = 0; i < STARTS.length; i++) starts[i] = Instant.parse(STARTS[i]).toEpochMilli();

        StringBuilder out = new StringBuilder();
        out.append("{\"generator\":\"test/golden/Generate.java against org.quartz.CronExpression 2.3.2\"");
        out.append(",\"seed\":").append(SEED);
        out.append(",\"javaTzdb\":").append(q(tzdbVersion()));
        out.append(",\"maxYear\":").append(CronExpression.MAX_YEAR);
        out.append(",\"fires\":").append(FIRES);
        out.append(",\"zones\":[");
        for (int i = 0; i < ZONES.length; i++) out.append(i > 0 ? "," : "").append(q(ZONES[i]));
        out.append("],\"starts\":[");
        for (int i = 0; i < starts.length; i++) out.append(i > 0 ? "," : "").append(starts[i]);
        out.append("],\n\"cases\":[\n");
        boolean firstCase = true;
        for (String e : valid) {
            out.append(firstCase ? "" : ",\n");
            firstCase = false;
            out.append("{\"e\":").append(q(e)).append(",\"f\":[");
            String[] result = new String[2];
            Thread worker = new Thread(() -> fireTimes(e, starts, ZONES, result));
            worker.setDaemon(true);
            worker.start();
            try {
                worker.join(TIMEOUT_MS);
            } catch (InterruptedException ie) {
                throw new IllegalStateException(ie);
            }
            String slow = null;
            if (worker.isAlive()) {
                stopThread(worker);
                result[0] = null;
                result[1] = "timeout: Quartz does not finish (endless loop)";
                // Some expressions only walk (slowly) to year 3000: keep one UTC case for those.
                String[] one = new String[2];
                Thread probe = new Thread(() -> fireTimes(e, new long[] {starts[0]}, new String[] {"UTC"}, one));
                probe.setDaemon(true);
                probe.start();
                try {
                    probe.join(4 * TIMEOUT_MS);
                } catch (InterruptedException ie) {
                    throw new IllegalStateException(ie);
                }
                if (probe.isAlive()) stopThread(probe);
                else slow = one[0];
            }
            if (slow != null) out.append(slow).append("],\"utcFirstStartOnly\":true}");
            else if (result[1] != null) out.append("],\"x\":").append(q(result[1])).append('}');
            else out.append(result[0]).append("]}");
        }
        out.append("\n],\n\"invalid\":[\n");
        boolean firstInvalid = true;
        for (String e : invalid) {
            out.append(firstInvalid ? "" : ",\n");
            firstInvalid = false;
            out.append("{\"e\":").append(q(e)).append(",\"quartz\":").append(q(rejection(e))).append('}');
        }
        out.append("\n]}\n");
        Files.write(dir.resolve("fixtures/quartz-golden.json"), out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("valid " + valid.size() + ", invalid " + invalid.size() + ", zones " + ZONES.length + ", starts " + starts.length);
    }

    static final long TIMEOUT_MS = 3000;

    @SuppressWarnings({"deprecation", "removal"})
    static void stopThread(Thread t) {
        t.stop(); // Java 17: still works; the only way to end Quartz's endless W loops in-process
    }

    /** All fire times of one expression: result[0] = JSON body, or result[1] = Quartz's run-time failure. */
    static void fireTimes(String e, long[] starts, String[] zones, String[] result) {
        StringBuilder f = new StringBuilder();
        try {
            for (int z = 0; z < zones.length; z++) {
                for (int s = 0; s < starts.length; s++) {
                    if (z + s > 0) f.append(',');
                    f.append('[');
                    CronExpression cron = new CronExpression(e);
                    cron.setTimeZone(TimeZone.getTimeZone(zones[z]));
                    Date d = new Date(starts[s]);
                    for (int k = 0; k < FIRES; k++) {
                        d = cron.getNextValidTimeAfter(d);
                        if (d == null) break;
                        f.append(k > 0 ? "," : "").append(d.getTime());
                    }
                    f.append(']');
                }
            }
            result[0] = f.toString();
        } catch (ParseException pe) {
            result[1] = pe.toString();
        } catch (RuntimeException re) {
            result[1] = re.toString();
        }
    }

    static String tzdbVersion() {
        try {
            return java.time.zone.ZoneRulesProvider.getVersions("Europe/Berlin").lastKey();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    static boolean isValid(String e) {
        try {
            new CronExpression(e);
            return true;
        } catch (ParseException pe) {
            return false;
        } catch (RuntimeException re) {
            return false;
        }
    }

    static String rejection(String e) {
        try {
            new CronExpression(e);
            return "accepted";
        } catch (ParseException pe) {
            return pe.getMessage();
        } catch (RuntimeException re) {
            return re.toString();
        }
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    // ---- seeded corpus ------------------------------------------------------------------------------
    static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    static int pick(Random r, int lo, int hi) { return lo + r.nextInt(hi - lo + 1); }

    /** A numeric field value: single, list, range (maybe wrapping), increment, or star. */
    static String numeric(Random r, int lo, int hi, int singleWeight) {
        int k = r.nextInt(10);
        if (k < singleWeight) return String.valueOf(pick(r, lo, hi));
        switch (k % 6) {
            case 0: return "*";
            case 1: return pick(r, lo, hi) + "," + pick(r, lo, hi) + (r.nextBoolean() ? "," + pick(r, lo, hi) : "");
            case 2: return pick(r, lo, hi) + "-" + pick(r, lo, hi);
            case 3: return pick(r, lo, hi) + "/" + pick(r, 1, Math.max(1, (hi - lo) / 2));
            case 4: return "*/" + pick(r, 1, Math.max(1, (hi - lo) / 3));
            default: return pick(r, lo, hi) + "-" + pick(r, lo, hi) + "/" + pick(r, 1, 5);
        }
    }

    static String dayOfMonth(Random r) {
        int k = r.nextInt(14);
        switch (k) {
            case 0: return "L";
            case 1: return "L-" + pick(r, 1, 10);
            case 2: return "LW";
            case 3: return pick(r, 1, 31) + "W";
            case 4: return "*";
            default: return numeric(r, 1, 31, 6);
        }
    }

    static String dayOfWeek(Random r) {
        int k = r.nextInt(14);
        switch (k) {
            case 0: return pick(r, 1, 7) + "L";
            case 1: return pick(r, 1, 7) + "#" + pick(r, 1, 5);
            case 2: return DAYS[pick(r, 0, 6)] + "#" + pick(r, 1, 4);
            case 3: return DAYS[pick(r, 0, 6)] + "-" + DAYS[pick(r, 0, 6)];
            case 4: return DAYS[pick(r, 0, 6)] + "," + DAYS[pick(r, 0, 6)];
            case 5: return "*";
            case 6: return "MON-FRI";
            default: return numeric(r, 1, 7, 5);
        }
    }

    static String month(Random r) {
        int k = r.nextInt(10);
        if (k < 5) return "*";
        if (k == 5) return MONTHS[pick(r, 0, 11)] + "-" + MONTHS[pick(r, 0, 11)];
        if (k == 6) return MONTHS[pick(r, 0, 11)];
        return numeric(r, 1, 12, 4);
    }

    static String randomExpression(Random r) {
        int kind = r.nextInt(20);
        String sec = r.nextInt(10) < 8 ? "0" : numeric(r, 0, 59, 5);
        String min, hour;
        if (kind == 0) { // sub-hourly
            min = r.nextBoolean() ? "*/" + pick(r, 1, 30) : "*";
            hour = r.nextBoolean() ? "*" : numeric(r, 0, 23, 3);
        } else if (kind < 6) { // DST-sensitive hours
            min = numeric(r, 0, 59, 7);
            hour = String.valueOf(pick(r, 0, 3)) + (r.nextBoolean() ? "" : "," + pick(r, 1, 3));
        } else {
            min = numeric(r, 0, 59, 8);
            hour = numeric(r, 0, 23, 6);
        }
        boolean byWeek = r.nextBoolean();
        String dom = byWeek ? "?" : dayOfMonth(r);
        String dow = byWeek ? dayOfWeek(r) : "?";
        String e = sec + " " + min + " " + hour + " " + dom + " " + month(r) + " " + dow;
        int y = r.nextInt(12);
        if (y == 0) e += " " + pick(r, 2026, 2030);
        else if (y == 1) e += " " + pick(r, 2026, 2028) + "-" + pick(r, 2028, 2031);
        else if (y == 2) e += " *";
        else if (y == 3) e += " 2027/" + pick(r, 1, 3);
        return e;
    }

    static final String[] JUNK = {"8", "0", "60", "24", "32", "13", "?", "*", "L", "W", "#", "/", "-", "X", "MON", "JAN", "5L", "6#6", "0/0", "1-", "L-40", "99", ",", "A", "SUNDAY", "1-70", "*/99"};

    /** Breaks one field of a valid expression (or its field count) to collect Quartz's rejections. */
    static String mutate(Random r, String e) {
        String[] f = e.split(" ");
        int k = r.nextInt(10);
        if (k == 0) return String.join(" ", java.util.Arrays.copyOf(f, pick(r, 1, 5)));
        int i = pick(r, 0, Math.min(f.length, 7) - 1);
        f[i] = r.nextBoolean() ? JUNK[r.nextInt(JUNK.length)] : f[i] + JUNK[r.nextInt(JUNK.length)];
        return String.join(" ", f);
    }
}
