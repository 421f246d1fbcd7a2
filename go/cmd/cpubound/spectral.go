// The Benchmarks Game spectral-norm kernel, in the operation order of its
// plain C program; products are converted to float64 before they are summed
// so that Go cannot fuse them into FMAs (see nbody.go).

package main

import (
	"math"
	"strconv"
)

// a is the matrix entry A(i,j) = 1/((i+j)(i+j+1)/2+i+1). The index arithmetic
// is int (64-bit), so it cannot overflow where C's 32-bit int would (n > 32767).
func a(i, j int) float64 {
	return 1.0 / float64((i+j)*(i+j+1)/2+i+1)
}

// timesU sets au = A·u.
func timesU(u, au []float64) {
	for i := range au {
		sum := 0.0
		for j, uj := range u {
			sum += float64(a(i, j) * uj)
		}
		au[i] = sum
	}
}

// timesAtU sets au = Aᵀ·u.
func timesAtU(u, au []float64) {
	for i := range au {
		sum := 0.0
		for j, uj := range u {
			sum += float64(a(j, i) * uj)
		}
		au[i] = sum
	}
}

// timesAtAU sets atau = AᵀA·u; tmp is scratch of the same length.
func timesAtAU(u, atau, tmp []float64) {
	timesU(u, tmp)
	timesAtU(tmp, atau)
}

type normResult float64

func (r normResult) String() string {
	return "norm=" + strconv.FormatFloat(float64(r), 'f', 9, 64)
}

// spectralNorm is one iteration: 10 rounds of the power method on n×n.
func spectralNorm(n int) normResult {
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	for range 10 {
		timesAtAU(u, v, tmp)
		timesAtAU(v, u, tmp)
	}
	var vBv, vv float64
	for i := range v {
		vBv += float64(u[i] * v[i])
		vv += float64(v[i] * v[i])
	}
	return normResult(math.Sqrt(vBv / vv))
}
