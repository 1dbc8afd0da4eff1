// The Java side of tests/model.test.ts: Cognito matches its model's patterns with java.util.regex, so
// the test asks Java itself. Each input line is base64(pattern) TAB base64(value), UTF-8; each output
// line is 1 when Pattern.matches(pattern, value), else 0.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

public class JavaMatches {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Base64.Decoder b64 = Base64.getDecoder();
        Map<String, Pattern> compiled = new HashMap<>();
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) continue;
            String[] parts = line.split("\t", -1);
            String pattern = new String(b64.decode(parts[0]), StandardCharsets.UTF_8);
            String value = new String(b64.decode(parts[1]), StandardCharsets.UTF_8);
            Pattern p = compiled.computeIfAbsent(pattern, Pattern::compile);
            out.append(p.matcher(value).matches() ? '1' : '0').append('\n');
        }
        System.out.print(out);
    }
}
