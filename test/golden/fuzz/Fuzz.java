// Differential fuzz (npm run fuzz): seeded expressions x random IANA zones x random starts (two in three
// beside one of the zone's clock changes, half of them with milliseconds); fire times from the real
// Quartz 2.3.2. Prints one JSON line per case: {"e", "z", "s", "f": [fire times, epoch ms]}.
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.quartz.CronExpression;

public class Fuzz {
    static final long DAY = 86_400_000L;
    static final long YEAR_2099 = 4_070_908_800_000L;

    @SuppressWarnings({"deprecation", "removal"})
    public static void main(String[] a) throws Exception {
        long seed = Long.parseLong(a[0]);
        int n = Integer.parseInt(a[1]);
        int fires = Integer.parseInt(a[2]);
        List<String> zones = Files.readAllLines(Paths.get(a[3]));
        Random r = new Random(seed);
        StringBuilder out = new StringBuilder();
        int done = 0, guard = 0;
        while (done < n && guard++ < n * 20) {
            String e = Generate.randomExpression(r);
            if (r.nextInt(4) == 0) e = e.replaceFirst("^0 ", Generate.numeric(r, 0, 59, 3) + " ");
            if (!Generate.isValid(e)) continue;
            String z = zones.get(r.nextInt(zones.size()));
            ZoneRules rules;
            try {
                rules = ZoneId.of(z).getRules();
            } catch (RuntimeException unknownToJava) {
                continue;
            }
            long base = Instant.parse("1975-01-01T00:00:00Z").toEpochMilli() + (long) (r.nextDouble() * 120 * 365.25 * DAY);
            if (r.nextInt(3) > 0) {
                ZoneOffsetTransition tr = rules.nextTransition(Instant.ofEpochMilli(base));
                if (tr != null && tr.getInstant().toEpochMilli() < YEAR_2099) base = tr.getInstant().toEpochMilli() - (long) (r.nextDouble() * 3 * DAY) + DAY / 2;
            }
            long start = base - Math.floorMod(base, 1000L) + (r.nextBoolean() ? r.nextInt(1000) : 0);
            String[] res = new String[1];
            final String fe = e;
            Thread t = new Thread(() -> {
                try {
                    CronExpression c = new CronExpression(fe);
                    c.setTimeZone(TimeZone.getTimeZone(z));
                    StringBuilder f = new StringBuilder();
                    Date d = new Date(start);
                    for (int k = 0; k < fires; k++) {
                        d = c.getNextValidTimeAfter(d);
                        if (d == null) break;
                        f.append(k > 0 ? "," : "").append(d.getTime());
                    }
                    res[0] = f.toString();
                } catch (Throwable x) {
                    res[0] = null;
                }
            });
            t.setDaemon(true);
            t.start();
            t.join(2000);
            if (t.isAlive()) {
                t.stop(); // Quartz never finishes some W forms; those are in the golden fixtures already
                continue;
            }
            if (res[0] == null) continue;
            out.append("{\"e\":").append(Generate.q(fe)).append(",\"z\":").append(Generate.q(z)).append(",\"s\":").append(start).append(",\"f\":[").append(res[0]).append("]}\n");
            done++;
        }
        System.out.print(out);
    }
}
