package dev.authgateway.gateway.graphql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG QR code, drawn as pixels from its path and read back by ZXing, is the text it was made from. */
class QrCodeSvgTest {

    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int PIXELS_PER_MODULE = 4;

    @Test
    void givenAnOtpauthUri_thenTheSvgReadsBackAsIt() throws Exception {
        String uri = "otpauth://totp/authgateway:ada%20lovelace?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                + "&issuer=authgateway&algorithm=SHA1&digits=6&period=30";

        String svg = QrCodeSvg.of(uri);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .doesNotContain("otpauth", "secret", "<script", "<text");
        assertThat(read(svg)).isEqualTo(uri);
    }

    @Test
    void givenMarkupInTheText_thenNoneOfItReachesTheSvg() throws Exception {
        String hostile = "otpauth://totp/x:\"><script>alert(1)</script>?secret=AA";

        String svg = QrCodeSvg.of(hostile);

        assertThat(svg).doesNotContain("script", "alert");
        assertThat(read(svg)).isEqualTo(hostile);
    }

    private static String read(String svg) throws Exception {
        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int side = modules * PIXELS_PER_MODULE;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
                for (int dx = 0; dx < PIXELS_PER_MODULE; dx++) {
                    pixels[(y * PIXELS_PER_MODULE + dy) * side + x * PIXELS_PER_MODULE + dx] = 0;
                }
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(side, side, pixels)))).getText();
    }
}
