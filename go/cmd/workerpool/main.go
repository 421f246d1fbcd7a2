// Command workerpool is the worker-pool batch runner go-goroutines
// (workloads/worker-pool/README.md): an event pipeline over a pool of
// goroutines, and the memory cost of idle goroutines.
package main

import (
	"runtime"
	"strconv"

	"claimbench/internal/batch"
)

var tasks = map[string]batch.Task{
	"pipeline": {
		Input: true,
		Params: []batch.Param{
			// The harness passes the CPU count of the runner's CPU set; without
			// it, GOMAXPROCS (which the harness sets to the same) is that count.
			{Key: "workers", Default: strconv.Itoa(runtime.GOMAXPROCS(0))},
			{Key: "capacity", Default: "1024"},
		},
		Setup: func(data []byte, p batch.Params) (batch.Work, error) {
			workers, err := p.Int("workers", 1)
			if err != nil {
				return batch.Work{}, err
			}
			capacity, err := p.Int("capacity", 1)
			if err != nil {
				return batch.Work{}, err
			}
			return batch.Work{Iterate: func() (batch.Outcome, error) {
				return batch.Outcome{Checksum: pipeline(data, workers, capacity)}, nil
			}}, nil
		},
	},
	"idle-tasks": {
		Params: []batch.Param{{Key: "count", Default: "100000"}},
		Setup: func(_ []byte, p batch.Params) (batch.Work, error) {
			n, err := p.Int("count", 1)
			return batch.Work{Iterate: func() (batch.Outcome, error) { return idleTasks(n) }}, err
		},
	},
}

func main() { batch.Main(tasks) }
