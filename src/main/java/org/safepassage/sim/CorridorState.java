package org.safepassage.sim;

import org.safepassage.scenario.Corridor;

/** One corridor during a run: whether it is open, its clashes, its queue and its counts. */
public final class CorridorState {

    public final Corridor spec;
    public final int index;
    final int entryCell;
    final double capacityPersonsPerHour;
    final IntQueue queue = new IntQueue();
    /** Households queued in their cars at the road's checkpoint (ODD 7.6 "Private cars"); empty without a road. */
    final IntQueue vehicleQueue = new IntQueue();
    /** Checkpoint capacity for vehicles not yet used (fractional carry-over). */
    private double vehicleCarry;
    private long vehiclesOut;
    private long peakQueueVehicles;
    private long turnedBackPersons;
    /** Which queued households are in the vehicle queue, and their persons (for the expected waits). */
    private final java.util.BitSet inCar = new java.util.BitSet();
    private long queuedPersonsInCars;
    /** Persons in the queue (kept in step with {@link #queue}). */
    private long queuedPersons;
    /** Some households in {@link #queue} have left it (cleaned before serving). */
    private boolean queueDirty;
    /** Capacity not yet used this tick (fractional carry-over, ODD 7.6). */
    private double carryPersons;
    private double fighterCarry;
    private boolean open;
    /** Entry lost to a front shift: closed for good. */
    private boolean lost;
    private long clashUntilTick = -1;
    private int clashes;
    /** Clash news about this corridor, decaying (for corridor choice). */
    private double clashNews;
    private long evacuatedPersons;
    private long detainedPersons;
    private long fightersEvacuated;
    private long peakQueuePersons;

    /** Per neighbourhood: whether its residents may use this corridor (an evacuation deal for one pocket, ODD 7.2); null: all. */
    private final boolean[] forHood;
    /** Its convoy when its vehicles come as one (ODD 7.6 "Convoys limited by their vehicles"); null otherwise. */
    final ConvoyFleet fleet;
    /** Its rescue teams (ODD 7.6 "Rescue teams"); null when it has none. */
    final RescueTeams rescue;

    CorridorState(Corridor spec, int index, int entryCell, boolean[] forHood, org.safepassage.scenario.Clock clock) {
        this.spec = spec;
        this.fleet = spec.transport() != null && spec.transport().convoy() && spec.kind() != Corridor.Kind.FIGHTER
                ? new ConvoyFleet(spec.transport(), clock) : null;
        this.rescue = spec.rescue() != null ? new RescueTeams(spec.rescue(), this) : null;
        this.index = index;
        this.entryCell = entryCell;
        this.capacityPersonsPerHour = spec.capacityPersonsPerHour();
        this.forHood = forHood;
    }

    /** Whether residents of neighbourhood n may use this corridor. */
    public boolean serves(int n) {
        return forHood == null || forHood[n];
    }

    public boolean open() {
        return open;
    }

    public boolean lost() {
        return lost;
    }

    public boolean inClash(long tick) {
        return tick < clashUntilTick;
    }

    public long queuedPersons() {
        return queuedPersons;
    }

    public long evacuatedPersons() {
        return evacuatedPersons;
    }

    public long detainedPersons() {
        return detainedPersons;
    }

    public long fightersEvacuated() {
        return fightersEvacuated;
    }

    public long peakQueuePersons() {
        return peakQueuePersons;
    }

    /** Vehicles that have passed the road's checkpoint (each a household with a car). */
    public long vehiclesOut() {
        return vehiclesOut;
    }

    /** Most vehicles queued at once at the road's checkpoint. */
    public long peakQueueVehicles() {
        return peakQueueVehicles;
    }

    /** Persons sent home by the armed party holding the exit. */
    public long turnedBackPersons() {
        return turnedBackPersons;
    }

    /** Households queued, on foot and in cars. */
    int queuedHouseholds() {
        return queue.size() + vehicleQueue.size();
    }

    /** The i-th queued household: those on foot first, then those in cars. */
    int queuedHousehold(int i) {
        return i < queue.size() ? queue.get(i) : vehicleQueue.get(i - queue.size());
    }

    public int clashes() {
        return clashes;
    }

    public int entryCell() {
        return entryCell;
    }

    public double capacityPersonsPerHour() {
        return capacityPersonsPerHour;
    }

    // ---- changes, each by its owner's verb ----

    /** Opens or closes the corridor for this tick (the calendar, ODD 3 step 1). */
    void setOpen(boolean open) {
        this.open = open;
    }

    /** The entry passed to the other side at a front shift: closed for good. */
    void lose() {
        lost = true;
        open = false;
        queueDirty = true;
    }

    /** A clash closes the corridor until {@code untilTick}. */
    void clash(long untilTick) {
        clashUntilTick = untilTick;
        open = false;
        clashes++;
    }

    void addClashNews(double news) {
        clashNews += news;
    }

    void decayClashNews(double factor) {
        clashNews *= factor;
    }

    /** A household of {@code persons} joins the queue (through {@link Ledger#joinQueue}). */
    void enqueue(int h, int persons) {
        queue.add(h);
        queuedPersons += persons;
        peakQueuePersons = Math.max(peakQueuePersons, queuedPersons);
    }

    /** A household of {@code persons} in its car joins the checkpoint's queue (through {@link Ledger#joinQueue}). */
    void enqueueVehicle(int h, int persons) {
        vehicleQueue.add(h);
        inCar.set(h);
        queuedPersonsInCars += persons;
        queuedPersons += persons;
        peakQueuePersons = Math.max(peakQueuePersons, queuedPersons);
        peakQueueVehicles = Math.max(peakQueueVehicles, vehicleQueue.size());
    }

    /** Queued household h of {@code persons} leaves the queue without being served. */
    void leaveQueue(int h, int persons) {
        queuedPersons -= persons;
        queueDirty = true;
        leftCar(h, persons);
    }

    /** A person of queued household h was killed or detained; the household stays in the queue. */
    void queuedMemberRemoved(int h) {
        queuedPersons--;
        if (inCar.get(h)) {
            queuedPersonsInCars--;
        }
    }

    /** Queued household h of {@code persons} was served and is out. */
    void served(int h, int persons) {
        queuedPersons -= persons;
        evacuatedPersons += persons;
        leftCar(h, persons);
    }

    private void leftCar(int h, int persons) {
        if (inCar.get(h)) {
            inCar.clear(h);
            queuedPersonsInCars -= persons;
        }
    }

    /**
     * Expected hours of queueing for a household joining now (ODD 7.1, 7.2): vehicles queued /
     * the road's vehicles per hour when it drives, persons queued on foot / capacity otherwise.
     */
    double queueWaitHours(boolean byCar) {
        return byCar ? vehicleQueue.size() / spec.road().vehiclesPerHour()
                : fleet != null ? fleet.waitHours(queuedPersons - queuedPersonsInCars, capacityPersonsPerHour)
                : (queuedPersons - queuedPersonsInCars) / capacityPersonsPerHour;
    }

    /** A household in a car was served: one more vehicle out. */
    void vehicleOut() {
        vehiclesOut++;
    }

    void turnedBack(int persons) {
        turnedBackPersons += persons;
    }

    double vehicleCarry() {
        return vehicleCarry;
    }

    /** Adds a tick's checkpoint capacity in vehicles, or drops the carry when {@code keep} is false. */
    void vehicleCarry(boolean keep, double vehicles) {
        vehicleCarry = keep ? vehicleCarry + vehicles : 0;
    }

    void useVehicle() {
        vehicleCarry -= 1;
    }

    void detainedOne() {
        detainedPersons++;
    }

    void fightersLeft(int fighters) {
        fightersEvacuated += fighters;
    }

    /** Capacity carried over for civilians (persons). */
    double carryPersons() {
        return carryPersons;
    }

    /** Adds a tick's capacity to the carry, or drops the carry when {@code keep} is false. */
    void carry(boolean keep, double persons) {
        carryPersons = keep ? carryPersons + persons : 0;
    }

    void useCarry(int persons) {
        carryPersons -= persons;
    }

    double fighterCarry() {
        return fighterCarry;
    }

    /** Adds a tick's capacity to the fighters' carry, or drops it when {@code keep} is false. */
    void fighterCarry(boolean keep, double persons) {
        fighterCarry = keep ? fighterCarry + persons : 0;
    }

    void useFighterCarry(int fighters) {
        fighterCarry -= fighters;
    }

    double clashNews() {
        return clashNews;
    }

    long clashUntilTick() {
        return clashUntilTick;
    }

    /** Drops households that are no longer queued here. */
    void cleanQueue(Households hh) {
        if (queueDirty) {
            queue.retain(h -> hh.phase[h] == HouseholdPhase.QUEUED && hh.corridor[h] == index);
            if (!vehicleQueue.isEmpty()) {
                vehicleQueue.retain(h -> hh.phase[h] == HouseholdPhase.QUEUED && hh.corridor[h] == index);
            }
            queueDirty = false;
        }
    }

    boolean civilian() {
        return spec.kind() != Corridor.Kind.FIGHTER;
    }

    boolean medical() {
        return spec.kind() == Corridor.Kind.MEDICAL;
    }
}
