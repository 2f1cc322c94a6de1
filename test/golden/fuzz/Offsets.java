// Java's own UTC offset for each "zone<TAB>epoch ms" line on stdin, so the fuzz can tell a difference of
// time-zone data (Java's tzdb against Node's ICU) from a difference of the engine.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.TimeZone;

public class Offsets {
    public static void main(String[] a) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringBuilder out = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            String[] p = line.split("\t");
            out.append(TimeZone.getTimeZone(p[0]).getOffset(Long.parseLong(p[1]))).append('\n');
        }
        System.out.print(out);
    }
}
