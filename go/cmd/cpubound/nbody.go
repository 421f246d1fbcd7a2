// The Benchmarks Game n-body kernel, in the operation order of its plain C program.
//
// Two things keep the doubles bit-identical to C and Rust:
//   - Go may fuse x*y+z into one FMA (it does on arm64, and on amd64 with
//     GOAMD64=v3); an explicit float64() conversion forbids that
//     (https://go.dev/ref/spec#Floating_point_operators), so every product
//     that is added or subtracted is converted.
//   - Go evaluates constant expressions exactly and rounds once, where C
//     rounds after each operation; solar mass and velocities are therefore
//     computed from float64 variables, not constants.

package main

import (
	"math"
	"strconv"
)

type body struct {
	x, y, z, vx, vy, vz, mass float64
}

const dt = 0.01

// newSystem returns the Sun and the four outer planets with the momentum offset.
func newSystem() []body {
	pi := float64(math.Pi)
	daysPerYear := float64(365.24)
	solarMass := 4 * pi * pi
	planet := func(x, y, z, vx, vy, vz, mass float64) body {
		return body{x, y, z, vx * daysPerYear, vy * daysPerYear, vz * daysPerYear, mass * solarMass}
	}
	bodies := []body{
		{0, 0, 0, 0, 0, 0, solarMass},
		planet(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
			1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
			9.54791938424326609e-04), // Jupiter
		planet(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
			-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
			2.85885980666130812e-04), // Saturn
		planet(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
			2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
			4.36624404335156298e-05), // Uranus
		planet(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
			2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
			5.15138902046611451e-05), // Neptune
	}
	var px, py, pz float64
	for _, b := range bodies {
		px += float64(b.vx * b.mass)
		py += float64(b.vy * b.mass)
		pz += float64(b.vz * b.mass)
	}
	bodies[0].vx = -px / solarMass
	bodies[0].vy = -py / solarMass
	bodies[0].vz = -pz / solarMass
	return bodies
}

func advance(bodies []body) {
	for i := range bodies {
		b := &bodies[i]
		for j := i + 1; j < len(bodies); j++ {
			b2 := &bodies[j]
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			distance := math.Sqrt(float64(dx*dx) + float64(dy*dy) + float64(dz*dz))
			mag := dt / (distance * distance * distance)
			b.vx -= float64(dx * b2.mass * mag)
			b.vy -= float64(dy * b2.mass * mag)
			b.vz -= float64(dz * b2.mass * mag)
			b2.vx += float64(dx * b.mass * mag)
			b2.vy += float64(dy * b.mass * mag)
			b2.vz += float64(dz * b.mass * mag)
		}
	}
	for i := range bodies {
		b := &bodies[i]
		b.x += float64(dt * b.vx)
		b.y += float64(dt * b.vy)
		b.z += float64(dt * b.vz)
	}
}

func energy(bodies []body) float64 {
	e := 0.0
	for i, b := range bodies {
		e += float64(0.5 * b.mass * (float64(b.vx*b.vx) + float64(b.vy*b.vy) + float64(b.vz*b.vz)))
		for _, b2 := range bodies[i+1:] {
			dx := b.x - b2.x
			dy := b.y - b2.y
			dz := b.z - b2.z
			distance := math.Sqrt(float64(dx*dx) + float64(dy*dy) + float64(dz*dz))
			e -= (b.mass * b2.mass) / distance
		}
	}
	return e
}

type nbodyResult struct{ before, after float64 }

func (r nbodyResult) String() string {
	return "energy_before=" + strconv.FormatFloat(r.before, 'f', 9, 64) +
		" energy_after=" + strconv.FormatFloat(r.after, 'f', 9, 64)
}

// nbody is one iteration: a fresh system, its energy, steps steps, its energy.
func nbody(steps int) nbodyResult {
	bodies := newSystem()
	before := energy(bodies)
	for range steps {
		advance(bodies)
	}
	return nbodyResult{before, energy(bodies)}
}
