package org.safepassage.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safepassage.scenario.Scenario;
import org.safepassage.sim.CorridorState;
import org.safepassage.sim.Evacuation;
import org.safepassage.sim.HouseholdPhase;
import org.safepassage.sim.TestScenarios;

/** Map pictures: fixed size, corridors drawn where they are in the colour of their state, households shown. */
class MapPictureTest {

    /**
     * The teaching district with its clock from 06:00 on the pause's day (as these tick counts
     * assume) and the two hours of notice that leaves.
     */
    private static final String[] FROM_SIX = {"clock.start=2016-10-20T06:00", "clock.horizon=P2D",
        "pauses[0].notice=PT2H"};

    private static Scenario teaching(String... more) {
        String[] sets = java.util.Arrays.copyOf(FROM_SIX, FROM_SIX.length + more.length);
        System.arraycopy(more, 0, sets, FROM_SIX.length, more.length);
        return TestScenarios.load(TestScenarios.SHIPPED.resolve("teaching.yaml"), sets);
    }

    /** The teaching district's pause runs 08:00-19:00 on the first day, from a 06:00 start. */
    private static Evacuation teachingAfter(int ticks) {
        Scenario s = teaching();
        Evacuation e = new Evacuation(s, true);
        e.start();
        for (int i = 0; i < ticks; i++) {
            e.stepTick();
        }
        return e;
    }

    private static Color pixel(BufferedImage image, Point2D p) {
        return new Color(image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())));
    }

    @Test
    void openCorridorsAreGreenAtTheirEntryCellsWhileThePauseIsOpen() {
        Evacuation e = teachingAfter(60);
        assertTrue(e.district().anyPauseOpen(), "the pause is open 5 h in");
        BufferedImage image = MapPicture.render(new MapPainter(e.district()), 60);
        assertEquals(MapPicture.WIDTH, image.getWidth());
        assertEquals(MapPicture.HEIGHT, image.getHeight());
        MapPainter.Layout at = MapPicture.layout(e.district());
        for (CorridorState c : e.district().corridors()) {
            assertTrue(c.open(), c.spec.name() + " is open");
            assertEquals(MapPainter.OPEN, pixel(image, at.centre(c.entryCell(), e.district().grid().width)),
                    "marker of " + c.spec.name());
        }
    }

    @Test
    void closedCorridorsAreGreyAfterThePause() {
        Evacuation e = teachingAfter(200);
        assertTrue(!e.district().anyPauseOpen(), "the pause is over after 16 h 40 min");
        BufferedImage image = MapPicture.render(new MapPainter(e.district()), 200);
        MapPainter.Layout at = MapPicture.layout(e.district());
        for (CorridorState c : e.district().corridors()) {
            assertEquals(MapPainter.CLOSED, pixel(image, at.centre(c.entryCell(), e.district().grid().width)),
                    "marker of " + c.spec.name());
        }
    }

    @Test
    void corridorMarkersSitInsideTheMapAtTheirCells() {
        Evacuation e = teachingAfter(0);
        MapPainter.Layout at = MapPicture.layout(e.district());
        int w = e.district().grid().width;
        int h = e.district().grid().height;
        for (CorridorState c : e.district().corridors()) {
            Point2D p = at.centre(c.entryCell(), w);
            assertEquals(c.entryCell(), at.cellAt(p.getX(), p.getY(), w, h));
            assertTrue(MapPicture.mapArea().contains(p), c.spec.name() + " inside the map area");
        }
    }

    @Test
    void fullScaleDistrictShowsHouseholdsNeighbourhoodsAndEveryCorridor() {
        Scenario s = TestScenarios.load(TestScenarios.SHIPPED.resolve("pause-11h.yaml"));
        Evacuation e = new Evacuation(s);
        e.start();
        BufferedImage image = MapPicture.render(new MapPainter(e.district()), 0);
        assertEquals(MapPicture.WIDTH, image.getWidth());
        assertEquals(MapPicture.HEIGHT, image.getHeight());
        MapPainter.Layout at = MapPicture.layout(e.district());
        for (CorridorState c : e.district().corridors()) {
            assertEquals(MapPainter.CLOSED, pixel(image, at.centre(c.entryCell(), e.district().grid().width)),
                    "marker of " + c.spec.name() + " before the pause");
        }
        Set<Integer> colours = new HashSet<>();
        long darkDots = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                Color c = new Color(rgb);
                if (c.getRed() + c.getGreen() + c.getBlue() < 3 * 150 && x < MapPicture.mapArea().getMaxX()) {
                    darkDots++;
                }
            }
        }
        assertTrue(colours.size() > 200, "a picture, not a few flat colours: " + colours.size());
        assertTrue(e.district().persons(HouseholdPhase.STAYING) > 270_000);
        assertTrue(darkDots > 10_000, "household dots shade the built-up area: " + darkDots);
    }

    @Test
    void aFrontShiftMovesTheFrontLineOnTheMap() {
        Scenario s = teaching(
                "events=[{type: front-shift, at: 2016-10-20T07:00, target: North, safeArea: west}]");
        Evacuation e = new Evacuation(s, true);
        e.start();
        for (int i = 0; i < 24; i++) {
            e.stepTick();
        }
        var grid = e.district().grid();
        int north = s.map().neighbourhoodIndex("North");
        assertTrue(e.district().lost(north));
        BufferedImage image = MapPicture.render(new MapPainter(e.district()), 24);
        MapPainter.Layout at = MapPicture.layout(e.district());
        int edges = 0;
        for (int c = 0; c + grid.width < grid.cells(); c++) {
            boolean newFront = grid.terrain(c) == org.safepassage.scenario.Terrain.SAFE
                    && s.map().terrain()[c] != org.safepassage.scenario.Terrain.SAFE
                    && grid.terrain(c + grid.width).passable();
            if (newFront) {
                double x = at.x0() + (c % grid.width + 0.5) * at.cellWidth();
                double y = at.y0() + (c / grid.width + 1) * at.cellHeight() - 1;
                assertEquals(MapPainter.FRONT, pixel(image, new java.awt.geom.Point2D.Double(x, y)), "front at cell " + c);
                edges++;
            }
        }
        assertTrue(edges > 5, "the lost neighbourhood borders what is left: " + edges);
    }

    @Test
    void pauseStatusFollowsTheCalendar() {
        Evacuation e = teachingAfter(0);
        assertEquals("pause announced, starts in 2 h", PauseStatus.describe(e.district(), 0));
        assertEquals("pause open, 11 h left", PauseStatus.describe(e.district(), 24));
        assertEquals("pause open, 3 h 55 min left", PauseStatus.describe(e.district(), 109));
        assertEquals("pause over; no pause in force", PauseStatus.describe(e.district(), 200));
        assertEquals("Thu 20 Oct 2016 08:00 (+2 h)", PauseStatus.clock(e.district(), 24));
    }

    @Test
    void pauseStatusTellsOfExtensionsAndSuspensions() {
        Scenario s = teaching(
                "pauses[0].extensions=[{announcedAt: 2016-10-20T16:00, by: PT24H, kept: true}]",
                "events=[{type: suspend, at: 2016-10-20T12:00, target: pause, duration: PT2H}]");
        Evacuation e = new Evacuation(s);
        // 12:00 is tick 72 from the 06:00 start; 16:00 is tick 120
        assertEquals("pause suspended, resumes in 2 h", PauseStatus.describe(e.district(), 72));
        assertEquals("pause open, 3 h 5 min left", PauseStatus.describe(e.district(), 119));
        assertEquals("pause open, 27 h left; extension announced", PauseStatus.describe(e.district(), 120));
        assertEquals("pause open, 26 h left", PauseStatus.describe(e.district(), 120 + 12));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("45 min", PauseStatus.duration(45));
        assertEquals("3 h 12 min", PauseStatus.duration(192));
        assertEquals("11 h", PauseStatus.duration(660));
        assertEquals("4 d", PauseStatus.duration(4 * 24 * 60));
        assertEquals("2 d 5 h", PauseStatus.duration(53 * 60));
    }
}
