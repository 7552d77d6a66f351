package dev.syllabus.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a client takes gzip, from its {@code Accept-Encoding} (RFC 9110 12.5.3): an explicit
 * {@code gzip} (or the old {@code x-gzip}) with a quality above 0, else {@code *} with one. No header,
 * an empty one, {@code gzip;q=0} or a malformed element (ignored) leave the answer uncompressed.
 */
public final class ContentCoding {

    public static final String HEADER = "Accept-Encoding";
    public static final String GZIP = "gzip";

    // RFC 9110 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private ContentCoding() {}

    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean gzipNamed = false;
        boolean gzip = false;
        boolean anyCoding = false;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";", -1);
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            Boolean acceptable = parts.length == 1 ? Boolean.TRUE : positiveQuality(parts);
            if (acceptable == null) {
                continue;
            }
            if (coding.equals(GZIP) || coding.equals("x-gzip")) {
                gzipNamed = true;
                gzip |= acceptable;
            } else if (coding.equals("*")) {
                anyCoding = acceptable;
            }
        }
        return gzipNamed ? gzip : anyCoding;
    }

    /** Whether the element's one {@code q} parameter is above 0; null when it is malformed. */
    private static Boolean positiveQuality(String[] parts) {
        if (parts.length != 2) {
            return null;
        }
        String parameter = parts[1].strip();
        if (parameter.length() < 2 || !parameter.substring(0, 2).equalsIgnoreCase("q=")) {
            return null;
        }
        String value = parameter.substring(2);
        if (!QVALUE.matcher(value).matches()) {
            return null;
        }
        return value.chars().anyMatch(digit -> digit >= '1' && digit <= '9');
    }
}
