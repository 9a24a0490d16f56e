package org.safepassage.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * The district grid read from text maps: terrain per cell, neighbourhood per cell
 * (index into {@link #neighbourhoods()}, -1 for none) and safe area per safe cell
 * (index into {@link #safeAreas()}, -1 for none). Row 0 is the top line of the file.
 */
public record DistrictMap(
        Path file,
        int width,
        int height,
        double cellMeters,
        Terrain[] terrain,
        int[] neighbourhoodOfCell,
        int[] safeAreaOfCell,
        List<Neighbourhood> neighbourhoods,
        List<String> safeAreas) {

    public DistrictMap {
        neighbourhoods = List.copyOf(neighbourhoods);
        safeAreas = List.copyOf(safeAreas);
    }

    public int cells() {
        return width * height;
    }

    public int cell(int x, int y) {
        return y * width + x;
    }

    public int neighbourhoodIndex(String name) {
        for (int i = 0; i < neighbourhoods.size(); i++) {
            if (neighbourhoods.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
