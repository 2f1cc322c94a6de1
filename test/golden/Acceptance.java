// Acceptance fixture generator: which expressions the real Quartz 2.3.2 accepts, over seeded expressions
// with one to three fields broken by typical slips (a stray token, a wrong separator, a name, a second
// year, tabs), and the first fire times in UTC of those it accepts. Run through generate.sh.
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;

public class Acceptance {
    static final long SEED = 20261201L;
    static final int CASES = 4000;
    static final int FIRES = 4;
    static final long AFTER = 1800000000000L; // 2027-01-15T08:00:00Z
    static final long TIMEOUT_MS = 2000;

    static final String[] TOKENS = {
        "0", "1", "5", "7", "12", "23", "24", "29", "30", "31", "32", "59", "60", "99", "*", "?", "L", "W", "LW",
        "L-3", "L-31", "#", "#5", "#6", "/", "/0", "/60", "-", ",", "MON", "FRI", "SUN", "JAN", "DEC", "SAT-MON",
        "MON-SUN", "1-7", "7-1", "5L", "6#3", "3W", "15W", "L-5W", "0/15", "*/7", "1,3,5", "JAN-MAR", "2026",
        "2099", "2100", "1970", "1969", "3000", "  ", "\t", "mon", "jan", "MONDAY", "LL", "WL", "1W-5", "L,5",
        "?,1", "*,1", "1/2/3", "1--2", "-1", "+1", " 1",
    };

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "test/golden");
        Random r = new Random(SEED);
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        out.append("{\"generator\":\"test/golden/Acceptance.java against org.quartz.CronExpression 2.3.2\"");
        out.append(",\"seed\":").append(SEED).append(",\"after\":").append(AFTER).append(",\"fires\":").append(FIRES);
        out.append(",\n\"cases\":[\n");
        int guard = 0;
        while (seen.size() < CASES && guard++ < CASES * 10) {
            String e = broken(r, Generate.randomExpression(r));
            if (!seen.add(e)) continue;
            out.append(seen.size() > 1 ? ",\n" : "").append("{\"e\":").append(Generate.q(e)).append(',').append(verdict(e)).append('}');
        }
        out.append("\n]}\n");
        Files.write(dir.resolve("fixtures/quartz-acceptance.json"), out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("acceptance cases " + seen.size());
    }

    static String broken(Random r, String e) {
        String[] f = e.split(" ");
        int k = r.nextInt(3) + 1;
        for (int j = 0; j < k; j++) {
            int i = r.nextInt(f.length);
            String t = TOKENS[r.nextInt(TOKENS.length)];
            switch (r.nextInt(4)) {
                case 0: f[i] = t; break;
                case 1: f[i] = f[i] + t; break;
                case 2: f[i] = t + f[i]; break;
                default: f[i] = f[i] + "," + t;
            }
        }
        String s = String.join(" ", f);
        return r.nextInt(8) == 0 ? s + " " + TOKENS[r.nextInt(TOKENS.length)] : s;
    }

    /** "ok":true with fire times ("f"), "x" when Quartz does not finish; or "ok":false. */
    @SuppressWarnings({"deprecation", "removal"})
    static String verdict(String e) throws InterruptedException {
        String[] result = new String[1];
        Thread t = new Thread(() -> {
            try {
                CronExpression c = new CronExpression(e);
                c.setTimeZone(TimeZone.getTimeZone("UTC"));
                StringBuilder b = new StringBuilder("\"ok\":true,\"f\":[");
                Date d = new Date(AFTER);
                for (int k = 0; k < FIRES; k++) {
                    d = c.getNextValidTimeAfter(d);
                    if (d == null) break;
                    b.append(k > 0 ? "," : "").append(d.getTime());
                }
                result[0] = b.append(']').toString();
            } catch (ParseException pe) {
                result[0] = "\"ok\":false";
            } catch (RuntimeException re) {
                result[0] = Generate.isValid(e) ? "\"ok\":true,\"x\":" + Generate.q(re.toString()) : "\"ok\":false";
            }
        });
        t.setDaemon(true);
        t.start();
        t.join(TIMEOUT_MS);
        if (t.isAlive()) {
            t.stop();
            return "\"ok\":" + Generate.isValid(e) + ",\"x\":\"timeout\"";
        }
        return result[0];
    }
}
