// Command cpubound is the cpu-bound batch runner go-cpu (workloads/cpu-bound/README.md):
// the Benchmarks Game's n-body and spectral-norm, single-threaded, plain Go.
package main

import "claimbench/internal/batch"

var tasks = map[string]batch.Task{
	"nbody": {
		Params: []batch.Param{{Key: "steps", Required: true}},
		Setup: func(_ []byte, p batch.Params) (batch.Work, error) {
			steps, err := p.Int("steps", 0)
			return batch.Work{Iterate: func() (batch.Outcome, error) {
				return batch.Outcome{Checksum: nbody(steps)}, nil
			}}, err
		},
	},
	"spectral-norm": {
		Params: []batch.Param{{Key: "n", Required: true}},
		Setup: func(_ []byte, p batch.Params) (batch.Work, error) {
			n, err := p.Int("n", 1)
			return batch.Work{Iterate: func() (batch.Outcome, error) {
				return batch.Outcome{Checksum: spectralNorm(n)}, nil
			}}, err
		},
	},
}

func main() { batch.Main(tasks) }
