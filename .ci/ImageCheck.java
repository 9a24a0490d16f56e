import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Checks that a screenshot is a real picture: at least 100 distinct colours and no single
 * colour on more than 70 % of the pixels. Run as {@code java .ci/ImageCheck.java FILE.png}.
 */
public class ImageCheck {
    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(new File(args[0]));
        if (image == null) {
            System.err.println("image-check: " + args[0] + " is not an image");
            System.exit(1);
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        int top = counts.values().stream().max(Integer::compare).orElse(0);
        double topShare = (double) top / pixels;
        System.out.printf("image-check: %s: %d x %d, %d colours, commonest colour on %.0f %% of pixels%n", args[0],
                image.getWidth(), image.getHeight(), counts.size(), 100 * topShare);
        if (counts.size() < 100 || topShare > 0.70) {
            System.err.println("image-check: " + args[0] + " looks blank or nearly one colour");
            System.exit(1);
        }
    }
}
