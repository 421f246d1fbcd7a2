//! nbody: five bodies (Sun and the four gas giants), dt = 0.01, as in the Benchmarks
//! Game's nbody.c. Expressions keep C's left-to-right grouping, because a different
//! grouping changes the last bits and the printed checksum.

use std::f64::consts::PI;

const SOLAR_MASS: f64 = 4.0 * PI * PI;
const DAYS_PER_YEAR: f64 = 365.24;
const DT: f64 = 0.01;

#[derive(Debug, Clone, Copy)]
pub struct Body {
    x: f64,
    y: f64,
    z: f64,
    vx: f64,
    vy: f64,
    vz: f64,
    mass: f64,
}

/// The initial conditions, before the momentum offset.
// The literals are the Benchmarks Game's, digit for digit, so that they can be checked
// against the Go and C++ sources; they parse to the same doubles as shorter spellings.
#[allow(clippy::excessive_precision)]
pub fn initial_bodies() -> [Body; 5] {
    let body = |x, y, z, vx: f64, vy: f64, vz: f64, mass: f64| Body {
        x,
        y,
        z,
        vx: vx * DAYS_PER_YEAR,
        vy: vy * DAYS_PER_YEAR,
        vz: vz * DAYS_PER_YEAR,
        mass: mass * SOLAR_MASS,
    };
    [
        // Sun
        body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
        // Jupiter
        body(
            4.84143144246472090e+00,
            -1.16032004402742839e+00,
            -1.03622044471123109e-01,
            1.66007664274403694e-03,
            7.69901118419740425e-03,
            -6.90460016972063023e-05,
            9.54791938033709229e-04,
        ),
        // Saturn
        body(
            8.34336671824457987e+00,
            4.12479856412430479e+00,
            -4.03523417114321381e-01,
            -2.76742510726862411e-03,
            4.99852801234917238e-03,
            2.30417297573763929e-05,
            2.85885980666130812e-04,
        ),
        // Uranus
        body(
            1.28943695621391310e+01,
            -1.51111514016986312e+01,
            -2.23307578892655734e-01,
            2.96460137564761618e-03,
            2.37847173959480950e-03,
            -2.96589568540237556e-05,
            4.36624404335156298e-05,
        ),
        // Neptune
        body(
            1.53796971148509165e+01,
            -2.59193146099879641e+01,
            1.79258772950371181e-01,
            2.68067772490389322e-03,
            1.62824170038242295e-03,
            -9.51515111780341413e-05,
            5.15138902046611451e-05,
        ),
    ]
}

/// Gives the Sun the momentum that makes the system's total zero.
pub fn offset_momentum(bodies: &mut [Body]) {
    let (mut px, mut py, mut pz) = (0.0, 0.0, 0.0);
    for b in bodies.iter() {
        px += b.vx * b.mass;
        py += b.vy * b.mass;
        pz += b.vz * b.mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
}

pub fn energy(bodies: &[Body]) -> f64 {
    let mut e = 0.0;
    for (i, b) in bodies.iter().enumerate() {
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
        for b2 in &bodies[i + 1..] {
            let dx = b.x - b2.x;
            let dy = b.y - b2.y;
            let dz = b.z - b2.z;
            let distance = (dx * dx + dy * dy + dz * dz).sqrt();
            e -= (b.mass * b2.mass) / distance;
        }
    }
    e
}

/// One step: every pair's velocities (i < j, in index order), then every position.
pub fn advance(bodies: &mut [Body], dt: f64) {
    for i in 0..bodies.len() {
        // split_at_mut gives b and every later b2 at once without unsafe aliasing.
        let (head, tail) = bodies.split_at_mut(i + 1);
        let b = &mut head[i];
        for b2 in tail.iter_mut() {
            let dx = b.x - b2.x;
            let dy = b.y - b2.y;
            let dz = b.z - b2.z;
            let distance = (dx * dx + dy * dy + dz * dz).sqrt();
            let mag = dt / (distance * distance * distance);
            b.vx -= dx * b2.mass * mag;
            b.vy -= dy * b2.mass * mag;
            b.vz -= dz * b2.mass * mag;
            b2.vx += dx * b.mass * mag;
            b2.vy += dy * b.mass * mag;
            b2.vz += dz * b.mass * mag;
        }
    }
    for b in bodies.iter_mut() {
        b.x += dt * b.vx;
        b.y += dt * b.vy;
        b.z += dt * b.vz;
    }
}

/// One iteration of the task: set up, energy, `steps` steps, energy.
pub fn run(steps: u64) -> (f64, f64) {
    let mut bodies = initial_bodies();
    offset_momentum(&mut bodies);
    let before = energy(&bodies);
    for _ in 0..steps {
        advance(&mut bodies, DT);
    }
    (before, energy(&bodies))
}

pub fn checksum(steps: u64) -> String {
    let (before, after) = run(steps);
    format!("energy_before={before:.9} energy_after={after:.9}")
}

#[cfg(test)]
mod tests {
    use super::*;

    // The Benchmarks Game's published output for 1000 steps.
    #[test]
    fn published_output_1000_steps() {
        assert_eq!(
            checksum(1000),
            "energy_before=-0.169075164 energy_after=-0.169087605"
        );
    }

    #[test]
    fn zero_steps_keeps_energy() {
        assert_eq!(
            checksum(0),
            "energy_before=-0.169075164 energy_after=-0.169075164"
        );
    }
}
