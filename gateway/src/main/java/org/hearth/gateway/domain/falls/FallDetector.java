package org.hearth.gateway.domain.falls;

/**
 * Finds falls in one worn accelerometer's stream (x, y, z in g, at any rate from about 50 Hz to
 * 1 kHz), in three stages:
 * <ol>
 *   <li><b>Impact.</b> |a| reaches {@link #IMPACT_TRIGGER_G}. Over the second around the
 *       impact's peak, the speed the impact took out of the body, Δv = ∫(|a| − rest)⁺ dt, must reach
 *       {@link #MIN_IMPACT_DELTA_V}. Δv measures a body being stopped rather than a knock on the
 *       sensor, and an integral does not depend on the sampling rate the way a peak does.</li>
 *   <li><b>Lying still.</b> A full second starting 1 to 4 s after the impact in which |a|
 *       barely moves (standard deviation at most {@link #STILL_MAX_SD_G}).</li>
 *   <li><b>Posture change.</b> The direction of gravity in that still second has turned by at
 *       least {@link #MIN_POSTURE_CHANGE_DEG} from some half-second in the 6 s before the impact:
 *       the posture the person had before they went down.</li>
 *   <li><b>Upright before.</b> Once the detector has seen its wearer walk (see
 *       {@link UprightEstimate}), that half-second must also have been within
 *       {@link #MAX_TILT_BEFORE_DEG} of upright: a person falls from standing, walking, or sitting
 *       up, not from lying down. Before any walking has been seen this stage passes.</li>
 *   <li><b>Not sitting up after.</b> Likewise, the still second must be at least
 *       {@link #MIN_TILT_AFTER_DEG} from upright: the person came to rest lying or slumped, not
 *       sitting up straight in a chair.</li>
 * </ol>
 * Everyday movements fail at least one stage: sitting down hard into a chair is a strong impact
 * but leaves the trunk within about 45° of where it was; jumping, stumbling and brisk walking end
 * on one's feet; lying down on a bed, or turning over in it, changes posture by 90°, but the
 * person lowers themselves all the way, so Δv stays well under 1 m/s. Rolling from the back onto
 * the side can still end in a hard bump onto the mattress (SisFall's D14 reaches 1.1 m/s and
 * 2.9 g), but the person was lying before it began: the upright stage rejects it.
 *
 * <p><b>Rest level.</b> "rest" is the larger of 1 g and what this sensor reads, lying still,
 * just before and just after the impact. Cheap accelerometers read anywhere from 0.85 to 1.17 g
 * at rest depending on which axis points down (SisFall's own recordings do); counted against a
 * nominal 1 g, rolling onto a side that reads 1.15 g would look like an impact.
 *
 * <p>The parameters are constants chosen from the physics of a fall and the fall-detection
 * literature, then checked (not fitted) against SisFall; none is learnt at run time. Time steps
 * come from the samples' timestamps. Not thread-safe: one instance per sensor, on one thread.
 * The per-sample path does not allocate; only a found fall creates a {@link Fall}.
 */
public final class FallDetector {

    /**
     * 1.5 g starts measuring an impact: above what a still sensor reads even when miscalibrated
     * (up to about 1.2 g), below the peak of even a soft fall onto a mattress (1.7 g or more).
     * Deliberately low: it only starts a measurement, and Δv decides, so the steps of a brisk
     * walk that pass 1.5 g cost a little work and nothing else.
     */
    static final double IMPACT_TRIGGER_G = 1.5;
    /**
     * Δv is summed from 0.5 s before to 0.5 s after the impact's peak: a body hitting the floor
     * is stopped within a few hundred milliseconds (longer on a mattress, or when an arm breaks
     * the fall), and the peak may be on any bump of that deceleration.
     */
    static final long IMPACT_HALF_WINDOW_MICROS = 500_000;
    /**
     * 1.0 m/s. Falling from standing or from a chair, the trunk reaches 2–3 m/s before it lands,
     * and landing stops it. The magnitude |a| sees only part of that, yet even SisFall's softest
     * falls (a judo expert sliding off a chair onto a mattress) give 1.1 m/s or more. Lying down
     * or rolling over is controlled all the way and stays under 0.8 m/s.
     */
    static final double MIN_IMPACT_DELTA_V = 1.0;
    /** Stillness and posture are judged on whole quarter-second blocks. */
    static final long BLOCK_MICROS = 250_000;
    /** A still second (four blocks): longer than a pause between two movements. */
    static final int STILL_BLOCKS = 4;
    /** The still second starts 1 s after the impact at the earliest: the body has settled, bounces are over. */
    static final long STILL_EARLIEST_MICROS = 1_000_000;
    /**
     * ...and 4 s after it at the latest: someone who falls may roll or shift for a few seconds
     * before lying still, and the pre-alarm still asks within about 5 s of the fall.
     */
    static final long STILL_LATEST_MICROS = 4_000_000;
    /**
     * 0.05 g. A person lying and breathing shows about 0.01 g of standard deviation in |a| (the
     * ADXL345's own noise is under 0.005 g); walking, or struggling to get up, shows over 0.1 g.
     */
    static final double STILL_MAX_SD_G = 0.05;
    /** The posture before the fall is looked for from 6 s before the impact... */
    static final long REFERENCE_FROM_MICROS = 6_000_000;
    /**
     * ...to 0.5 s before it. 6 s covers a faint from a chair, in which the trunk tips over for
     * several seconds before it lands; the last half second is the fall itself.
     */
    static final long REFERENCE_TO_MICROS = 500_000;
    /** A posture is the mean direction of gravity over half a second, about one step. */
    static final int REFERENCE_BLOCKS = 2;
    /** The resting level before the fall is read over the second before the reference span ends. */
    static final int LEVEL_BEFORE_BLOCKS = 4;
    /**
     * 60°. Lying is about 90° from upright, while slumping back into an armchair or a car seat
     * leaves the trunk within about 45° of where it was. 60° lies between, with room for a
     * sensor that does not sit square on the body.
     */
    static final double MIN_POSTURE_CHANGE_DEG = 60;
    /**
     * 60°. Standing and walking keep the trunk within about 20° of upright, sitting up within
     * about 45° (leaning back in a low armchair); lying is 70–90° from it. Rolling over in bed
     * starts from lying, so no half-second before it is this close to upright.
     */
    static final double MAX_TILT_BEFORE_DEG = 60;
    /**
     * 30°. Once upright is known, the still second after the impact must also be this far from
     * it: the person came to rest lying or slumped, not sitting up in a chair or standing. A
     * quick sit onto a low chair can turn the trunk 60° from its forward lean on the way down to
     * sitting straight, but ends within about 20° of upright; a fall that ends sitting on the
     * floor against something is the case this gives up (SisFall's backward falls while sitting
     * down end 30–60° from upright).
     */
    static final double MIN_TILT_AFTER_DEG = 30;
    /**
     * After a gap this long the sensor was probably taken off (to charge) and may be clipped back
     * on at another angle: what was learnt of upright is forgotten until the wearer walks again.
     */
    static final long FORGET_UPRIGHT_GAP_MICROS = 600_000_000;
    /** One fall, one alert: the pre-alarm is already asking the resident what happened. */
    static final long REFRACTORY_MICROS = 60_000_000;
    /** After a gap longer than this (the sensor out of range) the stages cannot be joined up: start again. */
    static final long MAX_GAP_MICROS = 2_000_000;
    /** Samples further apart than this count as this far apart when integrating. */
    private static final long MAX_STEP_MICROS = 50_000;
    private static final double STANDARD_GRAVITY = 9.80665;

    /** 8 s of blocks: the reference span and the impact, with room to spare. */
    private static final int HISTORY_BLOCKS = 32;
    /** More than the half-second postures that fit in the reference span. */
    private static final int MAX_REFERENCES = 32;
    /** The impact's second of samples, at up to about 1 kHz. */
    private static final int IMPACT_SAMPLES = 1024;
    /**
     * Hard impacts followed at once. A fall often lands in several bumps (hip, shoulder, a roll),
     * and each keeps its own chance, so a later bump cannot displace the landing before it.
     * Separate impacts are at least 0.5 s apart and each waits at most about 5 s, so eight slots
     * hold every impact of a fall; in a run of more (jogging), the oldest gives way.
     */
    private static final int PENDING_IMPACTS = 8;

    private final Settings settings;
    private final double cosMinPostureChange;
    private final double cosMaxTiltBefore;
    private final double cosMinTiltAfter;
    private final UprightEstimate upright = new UprightEstimate();
    private final BlockHistory blocks = new BlockHistory(BLOCK_MICROS, HISTORY_BLOCKS);
    private final RecentSamples recent = new RecentSamples(IMPACT_HALF_WINDOW_MICROS, IMPACT_SAMPLES / 2);
    private final Impact measuring = new Impact(MAX_REFERENCES, IMPACT_SAMPLES);
    private final double[] window = new double[6];
    /** Measured hard impacts still waiting to see whether the person lies still after them. */
    private final Impact[] pending = new Impact[PENDING_IMPACTS];

    {
        for (int i = 0; i < PENDING_IMPACTS; i++) {
            pending[i] = new Impact(MAX_REFERENCES, IMPACT_SAMPLES);
        }
    }

    private boolean started;
    private long lastMicros;
    private long quietUntilMicros = Long.MIN_VALUE;
    private Fall lastFall;

    /** A detector with the {@link Settings#DEFAULT} thresholds. */
    public FallDetector() {
        this(Settings.DEFAULT);
    }

    public FallDetector(Settings settings) {
        this.settings = settings;
        this.cosMinPostureChange = Math.cos(Math.toRadians(settings.minPostureChangeDeg()));
        this.cosMaxTiltBefore = Math.cos(Math.toRadians(settings.maxTiltBeforeDeg()));
        this.cosMinTiltAfter = Math.cos(Math.toRadians(settings.minTiltAfterDeg()));
    }

    /**
     * Takes the next sample. Samples must come in time order: one that does not move time forward
     * is ignored, unless time went back by more than {@link #MAX_GAP_MICROS} (a sensor whose
     * clock was reset), which starts afresh rather than ignoring the sensor until its clock
     * catches up.
     *
     * @return true when this sample completes a fall; {@link #lastFall()} then describes it
     */
    public boolean accept(long epochMicros, double x, double y, double z) {
        long step = 0;
        if (started) {
            long gap = epochMicros - lastMicros;
            if (gap < -MAX_GAP_MICROS) {
                restart();
                upright.forget();
                quietUntilMicros = Long.MIN_VALUE;
            } else if (gap <= 0) {
                return false;
            } else if (gap > MAX_GAP_MICROS) {
                restart();
                if (gap > FORGET_UPRIGHT_GAP_MICROS) {
                    upright.forget();
                }
            } else {
                step = Math.min(gap, MAX_STEP_MICROS);
            }
        }
        started = true;
        lastMicros = epochMicros;

        boolean fell = false;
        while (blocks.needsClose(epochMicros)) {
            blocks.closeBlock();
            upright.update(blocks);
            fell |= checkPending();
        }
        double m = Math.sqrt(x * x + y * y + z * z);
        blocks.add(epochMicros, x, y, z, m);
        double stepSeconds = step / 1e6;
        measureImpact(epochMicros, m, stepSeconds);
        recent.add(epochMicros, m, stepSeconds);
        return fell;
    }

    /** The last fall found, or null before the first. */
    public Fall lastFall() {
        return lastFall;
    }

    /** Whether the detector has learnt which way is up for its wearer (it has seen them walk). */
    public boolean knowsUpright() {
        return upright.known();
    }

    /**
     * Forgets the stream, for example after the sensor was out of range; keeps the quiet time
     * after a fall, and what it has learnt of the wearer's upright.
     */
    public void restart() {
        blocks.clear();
        recent.clear();
        measuring.active = false;
        for (Impact p : pending) {
            p.active = false;
        }
    }

    private void measureImpact(long t, double m, double stepSeconds) {
        if (measuring.active && m > measuring.peakG) {
            // Centre the window on the hardest moment; the impact still began at the first crossing.
            measuring.restartSamples(t);
            recent.copyRecent(t, measuring);
            measuring.addSample(m, stepSeconds);
        } else if (measuring.active) {
            measuring.addSample(m, stepSeconds);
            if (t - measuring.peakMicros >= IMPACT_HALF_WINDOW_MICROS) {
                measuring.active = false;
                // Only the level before is known yet; the level after can only lower Δv further.
                double rest = Math.max(1.0, measuring.levelBefore);
                if (measuring.deltaV(rest, STANDARD_GRAVITY) >= settings.minImpactDeltaV()) {
                    Impact slot = freeOrOldestPending();
                    slot.copyFrom(measuring);
                    slot.active = true;
                }
            }
        } else if (m >= IMPACT_TRIGGER_G && t >= quietUntilMicros) {
            startImpact(t, m, stepSeconds);
        }
    }

    private void startImpact(long t, double m, double stepSeconds) {
        measuring.start(t, m);
        recent.copyRecent(t, measuring);
        measuring.addSample(m, stepSeconds);
        takeReferences(t, measuring);
    }

    /**
     * Stores the unit direction of gravity of each half-second in the reference span before
     * {@code t}, and the resting level over the second before the span ends.
     */
    private void takeReferences(long t, Impact impact) {
        long from = t - REFERENCE_FROM_MICROS;
        long to = t - REFERENCE_TO_MICROS;
        impact.levelBefore = 1.0;
        boolean levelTaken = false;
        for (int back = 0; back < blocks.size() && impact.references < MAX_REFERENCES; back++) {
            long first = blocks.startOf(back);
            if (first < from) {
                break;
            }
            if (back < REFERENCE_BLOCKS - 1 || blocks.startOf(back - REFERENCE_BLOCKS + 1) + BLOCK_MICROS > to) {
                continue;
            }
            if (!levelTaken) {
                // The newest block that ends before the span's end, and up to three before it.
                int newest = back - REFERENCE_BLOCKS + 1;
                int n = Math.min(LEVEL_BEFORE_BLOCKS, blocks.size() - newest);
                blocks.sum(newest + n - 1, n, window);
                if (window[5] > 0) {
                    impact.levelBefore = window[3] / window[5];
                }
                levelTaken = true;
            }
            blocks.sum(back, REFERENCE_BLOCKS, window);
            double norm = Math.sqrt(window[0] * window[0] + window[1] * window[1] + window[2] * window[2]);
            if (window[5] == 0 || norm == 0) {
                continue;
            }
            int r = impact.references++;
            impact.rx[r] = window[0] / norm;
            impact.ry[r] = window[1] / norm;
            impact.rz[r] = window[2] / norm;
        }
    }

    private Impact freeOrOldestPending() {
        Impact oldest = pending[0];
        for (Impact p : pending) {
            if (!p.active) {
                return p;
            }
            if (p.startMicros < oldest.startMicros) {
                oldest = p;
            }
        }
        return oldest;
    }

    /** Called as each block closes: is a pending impact now followed by lying still in a new posture? */
    private boolean checkPending() {
        if (blocks.size() < STILL_BLOCKS) {
            return false;
        }
        long windowStart = blocks.startOf(STILL_BLOCKS - 1);
        blocks.sum(STILL_BLOCKS - 1, STILL_BLOCKS, window);
        double n = window[5];
        double levelAfter = n == 0 ? 0 : window[3] / n;
        double variance = n == 0 ? 0 : Math.max(0, window[4] / n - levelAfter * levelAfter);
        boolean still = n >= 2 && variance <= STILL_MAX_SD_G * STILL_MAX_SD_G;
        double norm = Math.sqrt(window[0] * window[0] + window[1] * window[1] + window[2] * window[2]);
        boolean uprightAfter = upright.known() && upright.cosTo(window[0], window[1], window[2]) > cosMinTiltAfter;
        Impact found = null;
        double foundDeltaV = 0;
        double foundCos = 1;
        for (Impact impact : pending) {
            if (!impact.active) {
                continue;
            }
            long sinceImpact = windowStart - impact.startMicros;
            if (sinceImpact > STILL_LATEST_MICROS) {
                impact.active = false;
                continue;
            }
            if (sinceImpact < STILL_EARLIEST_MICROS || !still || norm == 0 || uprightAfter) {
                continue;
            }
            double minCos = 1;
            for (int r = 0; r < impact.references; r++) {
                if (upright.cosTo(impact.rx[r], impact.ry[r], impact.rz[r]) < cosMaxTiltBefore) {
                    continue; // lying already: a roll in bed, not a fall from upright
                }
                double cos = (impact.rx[r] * window[0] + impact.ry[r] * window[1] + impact.rz[r] * window[2]) / norm;
                minCos = Math.min(minCos, cos);
            }
            if (minCos > cosMinPostureChange) {
                continue; // still, in the posture it had (sat down, stood still), or was never upright; a later second may differ
            }
            double rest = Math.max(1.0, Math.max(impact.levelBefore, levelAfter));
            double deltaV = impact.deltaV(rest, STANDARD_GRAVITY);
            if (deltaV < settings.minImpactDeltaV()) {
                impact.active = false; // lying now, but lowered, not dropped
                continue;
            }
            if (found == null || deltaV > foundDeltaV) {
                found = impact;
                foundDeltaV = deltaV;
                foundCos = minCos;
            }
        }
        if (found == null) {
            return false;
        }
        double degrees = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, foundCos))));
        long stillEnd = windowStart + STILL_BLOCKS * BLOCK_MICROS;
        lastFall = new Fall(found.startMicros, stillEnd, found.peakG, foundDeltaV, degrees);
        quietUntilMicros = found.startMicros + REFRACTORY_MICROS;
        measuring.active = false;
        for (Impact p : pending) {
            p.active = false;
        }
        return true;
    }

    /**
     * The thresholds an evaluation may tune; everything else is fixed by the physics above.
     *
     * @param minImpactDeltaV     m/s the impact must take out of the body ({@link #MIN_IMPACT_DELTA_V})
     * @param minPostureChangeDeg degrees between the posture before and lying still after ({@link #MIN_POSTURE_CHANGE_DEG})
     * @param maxTiltBeforeDeg    degrees from upright the posture before may be ({@link #MAX_TILT_BEFORE_DEG})
     * @param minTiltAfterDeg     degrees from upright the still posture after must be ({@link #MIN_TILT_AFTER_DEG})
     */
    public record Settings(double minImpactDeltaV, double minPostureChangeDeg, double maxTiltBeforeDeg, double minTiltAfterDeg) {

        public static final Settings DEFAULT =
                new Settings(MIN_IMPACT_DELTA_V, MIN_POSTURE_CHANGE_DEG, MAX_TILT_BEFORE_DEG, MIN_TILT_AFTER_DEG);

        public Settings {
            if (!(minImpactDeltaV > 0) || !(minPostureChangeDeg > 0 && minPostureChangeDeg < 180)
                    || !(maxTiltBeforeDeg > 0 && maxTiltBeforeDeg <= 180) || !(minTiltAfterDeg >= 0 && minTiltAfterDeg < 180)) {
                throw new IllegalArgumentException("fall detector settings out of range: " + minImpactDeltaV + " m/s, "
                        + minPostureChangeDeg + "°, " + maxTiltBeforeDeg + "°, " + minTiltAfterDeg + "°");
            }
        }
    }
}
