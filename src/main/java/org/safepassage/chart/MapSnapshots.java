package org.safepassage.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.sim.District;
import org.safepassage.sim.TickObserver;

/**
 * Captures map pictures during a run, at the end of chosen ticks, and writes them once the
 * run is over (so that a failed run leaves no pictures behind).
 */
public final class MapSnapshots implements TickObserver {

    /** A picture to take once {@code ticksDone} ticks have run, saved as {@code fileName}. */
    public record Shot(long ticksDone, String fileName) {
    }

    private final List<Shot> shots;
    private final Map<String, BufferedImage> taken = new LinkedHashMap<>();
    private MapPainter painter;

    public MapSnapshots(List<Shot> shots) {
        this.shots = List.copyOf(shots);
    }

    @Override
    public void afterTick(District district) {
        if (painter == null) {
            painter = new MapPainter(district);
        }
        long done = district.tick() + 1;
        BufferedImage image = null;
        for (Shot s : shots) {
            if (s.ticksDone() == done) {
                if (image == null) {
                    image = MapPicture.render(painter, done);
                }
                taken.put(s.fileName(), image);
            }
        }
    }

    /** Writes the pictures taken into {@code dir}; returns the files written, in order. */
    public List<Path> write(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, BufferedImage> e : taken.entrySet()) {
            Path file = dir.resolve(e.getKey());
            MapPicture.write(file, e.getValue());
            out.add(file);
        }
        return out;
    }
}
