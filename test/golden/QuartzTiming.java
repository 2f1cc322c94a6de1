// Times Quartz 2.3.2 itself on the benchmark's cases, for bench/cron.bench.ts (run there via javac/java).
// Usage: java QuartzTiming <expressions file> <zone> <start epoch ms> <fire times per expression>
// Prints one line: "<microseconds per fire time> <fire times computed>".
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

public class QuartzTiming {
    public static void main(String[] args) throws Exception {
        List<CronExpression> crons = new ArrayList<>();
        TimeZone zone = TimeZone.getTimeZone(args[1]);
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            CronExpression c = new CronExpression(line);
            c.setTimeZone(zone);
            crons.add(c);
        }
        long start = Long.parseLong(args[2]);
        int count = Integer.parseInt(args[3]);
        long fires = 0;
        for (int warm = 0; warm < 5; warm++) fires = round(crons, start, count);
        long best = Long.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = System.nanoTime();
            fires = round(crons, start, count);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.println((best / 1000.0 / fires) + " " + fires);
    }

    static long round(List<CronExpression> crons, long start, int count) {
        long fires = 0;
        for (CronExpression c : crons) {
            Date d = new Date(start);
            for (int k = 0; k < count; k++) {
                d = c.getNextValidTimeAfter(d);
                if (d == null) break;
                fires++;
            }
        }
        return fires;
    }
}
